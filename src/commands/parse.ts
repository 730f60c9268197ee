import type { UpdateDocument } from '../parse/document.js';
import { loadParseOptions } from '../load/reference.js';
import { parseUpdateFile, UpdateParseError } from '../parse/index.js';

/** The human summary: what was found, and every warning with its line so the source can be checked. */
function summary(doc: UpdateDocument): string {
  const { issue } = doc;
  const sections = new Map<string, number>();
  for (const item of doc.items) sections.set(item.section, (sections.get(item.section) ?? 0) + 1);
  const bySection = [...sections].map(([name, n]) => `${name} ${n}`).join(', ');
  const out = [
    `${issue.sourceFile}: Update no ${issue.number}, ${issue.date}, layout ${issue.layout}${issue.truncated ? ' (truncated)' : ''}`,
    `  items ${doc.items.length}${bySection === '' ? '' : ` (${bySection})`}, meetings ${doc.meetings.length}, ` +
      `publications ${doc.publications.length}, contacts ${doc.contacts.length}, tables ${doc.tables.length}`,
    `  warnings ${doc.warnings.length}`,
    ...doc.warnings.map((w) => `    line ${w.line}: ${w.message}`),
  ];
  return `${out.join('\n')}\n`;
}

/**
 * `seslip-kg parse <file>... [--json]`. Every file is attempted; a file that is not a readable
 * Update is reported on stderr and makes the exit status 1 without stopping the others.
 */
export async function run(files: string[], { json = false }: { json?: boolean }): Promise<number> {
  let status = 0;
  const documents: UpdateDocument[] = [];
  const options = await loadParseOptions();
  for (const file of files) {
    try {
      const doc = await parseUpdateFile(file, options);
      if (json) documents.push(doc);
      else process.stdout.write(summary(doc));
    } catch (error) {
      if (!(error instanceof UpdateParseError)) throw error;
      process.stderr.write(`error: ${error.message} [${error.code}]\n`);
      status = 1;
    }
  }
  if (json)
    process.stdout.write(
      `${JSON.stringify(files.length === 1 ? (documents[0] ?? null) : documents, null, 2)}\n`,
    );
  return status;
}
