import { isCalendarDate, toIso } from './dates.js';
import type { InspectionRow, Table } from './document.js';
import type { RawItem } from './body.js';
import { isBlank, type Line, type Warn } from './lines.js';

/**
 * Inspection tables, which reach us flattened: a header run together from its cells
 * ("as at 29/7/22SE LA NameLast full inspection type and gradeDays WaitedNational Rank") and one
 * line per row ("6 Slough ILACS1 Requires Improvement 1285 47").
 */
const HEADER = /days\s*waited.*national\s*rank/i;
const AS_AT = /as at\s*(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})/i;
const GRADE = String.raw`outstanding|good|requires improvement(?: to be good)?|inadequate`;
const ROW = new RegExp(String.raw`^(\d+)\s+(.+)\s+(\S+)\s+(${GRADE})\s+(\d+)\s+(\d+)$`, 'i');

function asAtDate(header: string): string | null {
  const m = AS_AT.exec(header);
  if (m === null) return null;
  const yearText = m[3] ?? '';
  const ymd = {
    day: Number(m[1]),
    month: Number(m[2]),
    year: Number(yearText) + (yearText.length === 2 ? 2000 : 0),
  };
  return isCalendarDate(ymd) ? toIso(ymd) : null;
}

function readRow(line: Line, asAt: string | null): InspectionRow | null {
  const m = ROW.exec(line.text.trim());
  if (m === null) return null;
  const numbers = [m[1], m[5], m[6]].map(Number);
  if (!numbers.every(Number.isSafeInteger)) return null;
  const [position = 0, daysWaited = 0, nationalRank = 0] = numbers;
  return {
    position,
    authority: m[2] ?? '',
    inspection: m[3] ?? '',
    grade: m[4] ?? '',
    daysWaited,
    nationalRank,
    asAt,
    line: line.no,
  };
}

/** Tables inside one item; rows run until the first line that is not a row. */
export function readTables(item: RawItem, warn: Warn): Table[] {
  const tables: Table[] = [];
  const lines = item.body.filter((l) => !isBlank(l));
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i] as Line;
    if (!HEADER.test(header.text)) continue;
    const asAt = asAtDate(header.text);
    if (asAt === null) warn(header.no, 'inspection table header without a readable "as at" date');
    const rows: InspectionRow[] = [];
    for (;;) {
      const next = lines[i + 1];
      const row = next === undefined ? null : readRow(next, asAt);
      if (row === null) break;
      rows.push(row);
      i++;
    }
    if (rows.length === 0) warn(header.no, 'inspection table header without rows');
    tables.push({
      kind: 'inspections',
      item: item.title,
      lines: { start: header.no, end: rows.at(-1)?.line ?? header.no },
      rows,
    });
  }
  return tables;
}
