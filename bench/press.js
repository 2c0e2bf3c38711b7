// The press target against the screen target, same final copies, same run, best of 3 (target:
// within 1.25x per profile). Alone: `npm run build && node bench/press.js [--profiles N] [--concurrency N]`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../lib/validate/corpus.js';
import { renderBatch } from '../lib/render/batch.js';
import { renderHtml } from '../lib/html/html.js';
import { pressOptions } from '../lib/postprocess/press/index.js';
import { validateSources } from '../lib/validate/validate.js';

const edition = 'goci-2021';
const perProfile = (ms, n) => `${(ms / n / 1000).toFixed(3)} s`;

async function renderTarget(entries, target, concurrency, press) {
  const out = mkdtempSync(join(tmpdir(), 'ocindex-bench-'));
  try {
    const started = performance.now();
    const tasks = entries.map((entry) => {
      const base = join(out, entry.profile.file.stem);
      return { entry, ...(target === 'screen' ? { pdfPath: `${base}.pdf` } : { pressPath: `${base}.press.pdf` }) };
    });
    const outcomes = await renderBatch(tasks, { layout: { renderHtml }, concurrency, press });
    const failed = outcomes.filter((o) => o.status !== 'written');
    if (failed.length > 0) throw new Error(`${target}: ${failed.length} not written (${failed[0].message})`);
    return performance.now() - started;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export async function runPressBench({ profiles = 60, concurrency = 2, rounds = 3, log = console.log } = {}) {
  const corpus = await loadCorpus([`content/${edition}`]);
  const entries = validateSources(corpus.sources, corpus.editions)
    .valid.slice(0, profiles)
    .map((entry) => ({ ...entry, data: { ...entry.data, status: 'final' } }));
  const press = pressOptions();
  const best = { screen: Infinity, press: Infinity };
  for (let round = 0; round < rounds; round += 1) {
    for (const target of ['screen', 'press']) best[target] = Math.min(best[target], await renderTarget(entries, target, concurrency, press));
  }
  const ratio = best.press / best.screen;
  log(`${entries.length} final copies of ${edition}, concurrency ${concurrency}, best of ${rounds}`);
  log(`screen/profile  press/profile  ratio`);
  log([perProfile(best.screen, entries.length).padEnd(14), perProfile(best.press, entries.length).padEnd(13), ratio.toFixed(2)].join('  '));
  return { screenMs: best.screen, pressMs: best.press, ratio };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { profiles: { type: 'string' }, concurrency: { type: 'string' } } });
  await runPressBench({ ...(values.profiles ? { profiles: Number(values.profiles) } : {}), ...(values.concurrency ? { concurrency: Number(values.concurrency) } : {}) });
}
