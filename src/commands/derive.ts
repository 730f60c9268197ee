import { loadResolver } from '../load/reference.js';
import { deriveEdges } from '../load/derive.js';
import { replayDecisions, revertDecisions } from '../storage/decisions.js';
import { withConfig, withDatabase } from './common.js';

/** `seslip-kg derive`: recompute FEEDS and POSSIBLY_SAME_AS from data/ without re-ingesting. */
export async function run({ json = false }: { json?: boolean }): Promise<number> {
  const resolver = await loadResolver();
  return withConfig((config, log) =>
    withDatabase(config, log, async ({ db }) => {
      await revertDecisions(db);
      const summary = await deriveEdges(db, resolver);
      await replayDecisions(db);
      process.stdout.write(
        json
          ? JSON.stringify(summary, null, 2) + '\n'
          : `derived ${summary.feeds} FEEDS and ${summary.possiblySameAs} POSSIBLY_SAME_AS edges\n` +
              summary.doubts.map((doubt) => `warning: ${doubt}\n`).join(''),
      );
      return 0;
    }),
  );
}
