import type { NodeLabel } from './labels.js';

/**
 * Node identity: a key unique within its label, and the uid "<Label>:<key>" unique across labels,
 * on which every node is MERGEd and looked up (constraint entity_uid in cypher/schema.cypher).
 */

export const uidOf = (label: NodeLabel, key: string): string => `${label}:${key}`;

export const issueKey = (issueNumber: number): string => `issue:${issueNumber}`;
/** The one Issue property its key tells without reading the node (and so its uid): the Update's number. */
export const ISSUE_KEY_PROPERTY = 'number';
export const itemKey = (issueNumber: number, position: number): string => `${issueNumber}/${position}`;
/** The prefix of every Item key (and so every evidence source) an Update contributes. */
export const itemKeyPrefix = (issueNumber: number): string => `${issueNumber}/`;

export const issueUid = (issueNumber: number): string => uidOf('Issue', issueKey(issueNumber));
