import { z } from 'zod';
import type { Database } from '../db/database.js';
import type { NodeLabel } from '../graph/index.js';

const nameCandidate = z.object({ key: z.string(), name: z.string(), score: z.number() });
export type NameCandidate = z.infer<typeof nameCandidate>;

/** The best few entities of a label for a Lucene query over their names, best first. */
export const nameCandidates = (
  db: Database,
  label: NodeLabel,
  lucene: string,
  limit: number,
): Promise<NameCandidate[]> => db.query('name-candidates', nameCandidate, { label, query: lucene, limit });
