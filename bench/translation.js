// A French profile against its English source, printed the same way in the same run (target:
// within 1.10x per profile): the language layer (termbase labels, French ordinals and decimals,
// French spacing and hyphenation) must not make a translation dear to print. Each is printed
// `copies` times per round on one warm browser, rounds in turns, best round kept.
// Alone: `npm run build && node bench/translation.js [--copies 12] [--rounds 3]`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadCorpus, validate } from '../lib/validate/corpus.js';
import { renderBatch } from '../lib/render/batch.js';
import { renderHtml } from '../lib/html/html.js';

const source = 'content/goci-2021/azerbaijan.md';
const translation = 'content/goci-2021/fr/azerbaijan.md';

async function printCopies(entry, copies) {
  const out = mkdtempSync(join(tmpdir(), 'ocindex-bench-'));
  try {
    const tasks = Array.from({ length: copies }, (_, n) => ({ entry, pdfPath: join(out, `${n}.pdf`) }));
    const started = performance.now();
    const outcomes = await renderBatch(tasks, { layout: { renderHtml }, concurrency: 1 });
    const ms = performance.now() - started;
    const failed = outcomes.find((o) => o.status !== 'written');
    if (failed) throw new Error(`${entry.profile.file.path}: ${failed.status} (${failed.message})`);
    return ms;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export async function benchTranslation({ copies = 12, rounds = 3, log = console.log } = {}) {
  const { valid } = validate(await loadCorpus([source, translation]));
  const english = valid.find((entry) => entry.profile.file.path === source);
  const french = valid.find((entry) => entry.translation);
  if (!english || !french) throw new Error(`${source} and ${translation} must be valid`);
  const best = { english: Infinity, french: Infinity };
  for (let round = 0; round < rounds; round += 1) {
    best.english = Math.min(best.english, await printCopies(english, copies));
    best.french = Math.min(best.french, await printCopies(french, copies));
  }
  const ratio = best.french / best.english;
  const each = (ms) => `${(ms / copies).toFixed(0)} ms/profile`;
  log(`Azerbaijan 2021, ${copies} copies a round, concurrency 1, best of ${rounds}`);
  log(`  English source: ${each(best.english)}; French translation: ${each(best.french)}; ${ratio.toFixed(2)}x (target <= 1.10x) ${ratio <= 1.1 ? 'ok' : 'OVER'}`);
  return { englishMs: best.english / copies, frenchMs: best.french / copies, ratio };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { copies: { type: 'string' }, rounds: { type: 'string' } } });
  await benchTranslation({ ...(values.copies ? { copies: Number(values.copies) } : {}), ...(values.rounds ? { rounds: Number(values.rounds) } : {}) });
}
