// Typography benchmark: the time per printed profile with typographic quotes and hyphenation, next to
// the same renderer printing the text as written (renderHtml's `typography: false`), in the same run,
// one browser, the same pages. The profile is the published Azerbaijan 2021, the one with a narrative.
// Target: at most 10% more. Alone: `npm run build && node bench/typography.js [--rounds N]`.
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../lib/validate/corpus.js';
import { launchBrowser } from '../lib/engine/browser.js';
import { WarmPage } from '../lib/engine/warm-page.js';
import { printProfile } from '../lib/render/print.js';
import { closeBrowser } from '../lib/engine/session.js';
import { renderHtml } from '../lib/html/html.js';
import { validateSources } from '../lib/validate/validate.js';

const layouts = {
  'as written': { renderHtml: (entry) => renderHtml(entry, { typography: false }) },
  typeset: { renderHtml },
};

/** Prints the profile `copies` times on one warm page, as a batch does; the time per profile in ms. */
async function perProfile(page, entry, layout, copies) {
  const started = performance.now();
  for (let i = 0; i < copies; i++) {
    const rendered = await printProfile(page, entry, layout);
    if (rendered.kind !== 'pdf') throw new Error('Azerbaijan 2021 does not fit its pages');
  }
  return (performance.now() - started) / copies;
}

export async function runTypographyBench({ rounds = 5, copies = 10, log = console.log } = {}) {
  const corpus = await loadCorpus(['content/goci-2021/azerbaijan.md']);
  const [entry] = validateSources(corpus.sources, corpus.editions).valid;
  // The HTML alone: what the quotes and soft hyphens cost before the browser sees the page.
  const htmlMs = {};
  for (const [name, layout] of Object.entries(layouts)) {
    layout.renderHtml(entry);
    const started = performance.now();
    for (let i = 0; i < 50; i++) layout.renderHtml(entry);
    htmlMs[name] = (performance.now() - started) / 50;
  }
  const browser = await launchBrowser();
  const times = { 'as written': [], typeset: [] };
  try {
    const page = await WarmPage.open(browser);
    // Rounds alternate the two, so that drift on a shared machine hits both alike; the median counts.
    await perProfile(page, entry, layouts.typeset, 2);
    for (let round = 0; round < rounds; round++) {
      for (const [name, layout] of Object.entries(layouts)) times[name].push(await perProfile(page, entry, layout, copies));
    }
  } finally {
    await closeBrowser(browser);
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const [floor, typeset] = [median(times['as written']), median(times.typeset)];
  log(`Azerbaijan 2021, ${rounds} rounds of ${copies} PDFs each way, concurrency 1 (median per profile)`);
  log(`HTML only:    as written ${htmlMs['as written'].toFixed(1)} ms, typeset ${htmlMs.typeset.toFixed(1)} ms`);
  log(`printed PDF:  as written ${(floor / 1000).toFixed(3)} s, typeset ${(typeset / 1000).toFixed(3)} s, ratio ${(typeset / floor).toFixed(2)} (target <= 1.10)`);
  return { floorMs: floor, typesetMs: typeset, ratio: typeset / floor, htmlMs };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { rounds: { type: 'string' }, copies: { type: 'string' } } });
  await runTypographyBench({ rounds: values.rounds ? Number(values.rounds) : undefined, copies: values.copies ? Number(values.copies) : undefined });
}
