import type { Database } from '../db/database.js';
import type { NodeLabel } from '../graph/index.js';

export interface NameCandidate {
  key: string;
  name: string;
  score: number;
}

/** The best few entities of a label for a Lucene query over their names, best first. */
export const nameCandidates = (
  db: Database,
  label: NodeLabel,
  lucene: string,
  limit: number,
): Promise<NameCandidate[]> => db.query<NameCandidate>('name-candidates', { label, query: lucene, limit });
