/**
 * A connection edge's stable id: its type, its two ends (node uids) and its key (the role of a WORKS_FOR, the
 * framework of an INSPECTED, '' for most), never Neo4j's elementId, so the same edge has the same id after
 * any reload, export or rebuild. Encoded base64url so that it is one opaque token in a URL or a query.
 */

export interface EdgeIdentity {
  type: string;
  from: string;
  to: string;
  key: string;
}

export const edgeId = ({ type, from, to, key }: EdgeIdentity): string =>
  Buffer.from(JSON.stringify([type, from, to, key])).toString('base64url');

/** The edge an id names, or null when the text is not an edge id. */
export function parseEdgeId(id: string): EdgeIdentity | null {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(id, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 4 || !value.every((part) => typeof part === 'string'))
    return null;
  const [type, from, to, key] = value as [string, string, string, string];
  if (edgeId({ type, from, to, key }) !== id) return null;
  return { type, from, to, key };
}
