import { z } from 'zod';

/**
 * The single definition of what the parser reads out of one Update.
 * The JSON keys named in issue #3 are a stable contract for `seslip-kg parse --json`
 * and for the extractor; add fields, never rename them.
 */

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** 1-based, inclusive line range in the source file: the provenance of everything read. */
export const lineRange = z.object({ start: z.number().int().min(1), end: z.number().int().min(1) });

export const sectionName = z.enum([
  'main',
  'reminders',
  'key-dates',
  'network-dates',
  'tools-and-templates',
  'contacts',
]);

/** The page layout the Update uses (see src/parse/layouts.ts): 2018 – mid 2019, late 2019 – 2022, 2023 – 2025. */
export const layoutName = z.enum(['brief-summary', 'workstreams', 'friday-update']);

export const issueHeader = z.object({
  number: z.number().int().positive(),
  date: isoDate,
  headline: z.string(),
  sourceFile: z.string(),
  /** Boilerplate lines that point at the Regional Improvement Plan ("Our Regional Improvement Plan … can be found here"). */
  planReferences: z.array(z.string()),
  /** The page's header and intro lines before the first item (src/parse/headline.ts furnitureOf). */
  furniture: z.array(z.string()),
  truncated: z.boolean(),
  layout: layoutName,
});

export const bulletList = z.object({
  ordered: z.boolean(),
  entries: z.array(z.object({ text: z.string(), depth: z.number().int().min(0), line: z.number().int() })),
});

export const item = z.object({
  title: z.string(),
  section: sectionName,
  /** "Programme:" label used by some 2022 Updates, else null. */
  programme: z.string().nullable(),
  paragraphs: z.array(z.string()),
  lists: z.array(bulletList),
  /** Text after "Action Required:", "" when the marker is followed by nothing, null when absent. */
  actionRequired: z.string().nullable(),
  lines: lineRange,
  /** Links on the item's lines, when it was read from a web page or e-mail: anchor text and absolute URL. */
  links: z.array(z.object({ text: z.string(), url: z.string(), line: z.number().int() })).optional(),
});

export const meeting = z.object({
  /** The network's name as written; for an event outside any network, the event's name. */
  network: z.string(),
  /** ISO date, or null when it could not be resolved (then `dateText` holds what was written and a warning says why). */
  date: isoDate.nullable(),
  dateText: z.string(),
  time: z.string().nullable(),
  topic: z.string().nullable(),
  /** The person in "More from X". */
  contact: z.string().nullable(),
  /** Local authorities named for the meeting (e.g. a triad's members), as written. */
  participants: z.array(z.string()),
  /** Title of the item that announced it, or null for standalone lines. */
  item: z.string().nullable(),
  line: z.number().int(),
  raw: z.string(),
});

export const publication = z.object({
  title: z.string(),
  publisher: z.string().nullable(),
  date: isoDate.nullable(),
  verb: z.string().nullable(),
  line: z.number().int(),
  raw: z.string(),
  /** The link on the title, when the line was read from a web page or e-mail (absolute, normalised). */
  url: z.string().optional(),
});

export const contact = z.object({
  role: z.string(),
  name: z.string(),
  organisation: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  line: z.number().int(),
});

export const inspectionRow = z.object({
  position: z.number().int(),
  authority: z.string(),
  inspection: z.string(),
  grade: z.string(),
  daysWaited: z.number().int(),
  nationalRank: z.number().int(),
  asAt: isoDate.nullable(),
  line: z.number().int(),
});

export const table = z.object({
  kind: z.literal('inspections'),
  /** Title of the item the table sits in. */
  item: z.string().nullable(),
  lines: lineRange,
  rows: z.array(inspectionRow),
});

export const warning = z.object({ line: z.number().int().min(0), message: z.string() });

export const updateDocument = z.object({
  issue: issueHeader,
  items: z.array(item),
  meetings: z.array(meeting),
  /** Lines of a dates list naming a network but no date ("QA Network: More from X"): not meetings, kept for the contact. */
  undated: z.array(meeting),
  publications: z.array(publication),
  contacts: z.array(contact),
  tables: z.array(table),
  warnings: z.array(warning),
});

export type SectionName = z.infer<typeof sectionName>;
export type LayoutName = z.infer<typeof layoutName>;
export type IssueHeader = z.infer<typeof issueHeader>;
export type BulletList = z.infer<typeof bulletList>;
export type Item = z.infer<typeof item>;
export type Meeting = z.infer<typeof meeting>;
export type Publication = z.infer<typeof publication>;
export type Contact = z.infer<typeof contact>;
export type InspectionRow = z.infer<typeof inspectionRow>;
export type Table = z.infer<typeof table>;
export type Warning = z.infer<typeof warning>;
export type UpdateDocument = z.infer<typeof updateDocument>;
