import type { InspectionRow } from '../parse/document.js';
import { addEntity, itemAt, type Context } from './context.js';

/**
 * The inspection tables: each row is a local authority's last full Ofsted inspection, as at the
 * table's date. The edge key `${framework}@${asAt}` keeps one edge per inspection framework and
 * snapshot, so the same table in a later Update adds evidence rather than a twin; a table without
 * its "as at" date is read as at the Update's date.
 */
export function readInspections(ctx: Context): void {
  const ofsted = ctx.resolver.resolveOrganisation('Ofsted');
  if (ofsted === undefined) throw new Error('data/organisations.json has no Ofsted');
  for (const table of ctx.doc.tables) {
    const item = itemAt(ctx, table.lines.start, table.item);
    for (const row of table.rows) {
      const authority = ctx.resolver.resolveAuthority(row.authority);
      if (authority === undefined) {
        ctx.graph.warn(row.line, `inspected authority "${row.authority}" is not in data/`);
        continue;
      }
      const { inspection: framework, grade, daysWaited, nationalRank, asAt } = row;
      ctx.graph.edge(
        'INSPECTED',
        addEntity(ctx, { kind: 'authority', entry: authority }),
        addEntity(ctx, { kind: 'organisation', entry: ofsted }),
        { source: item?.ref.key ?? ctx.issue.key, quote: rowLine(row) },
        { framework, grade, daysWaited, nationalRank, asAt },
        `${framework}@${asAt ?? ctx.doc.issue.date}`,
      );
    }
  }
}

/** The row as the Update prints it: "1 Oxfordshire ILACS1 Good 1565 13". */
const rowLine = (r: InspectionRow): string =>
  `${r.position} ${r.authority} ${r.inspection} ${r.grade} ${r.daysWaited} ${r.nationalRank}`;
