// What PDF/UA costs per printed profile, same profiles, same warm page, same run, best of 3 (target:
// at most 1.10x). Today's output: the HTML without the rule that keeps wrapped spaces (pre-wrap) and
// the post-processing steps before the accessibility work (soft hyphens, metadata, XMP or press, id);
// against the renderer's HTML and its whole list of steps (pdfSteps), each on a warm page of its own.
// Each time is lay-out, print and post-processing, screen and press file.
// Alone: `npm run build && node bench/accessibility.js [--profiles N]`.
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../lib/validate/corpus.js';
import { validateSources } from '../lib/validate/validate.js';
import { renderHtml } from '../lib/html/html.js';
import { PageEngine } from '../lib/engine/engine.js';
import { pdfSteps, postprocess } from '../lib/postprocess/index.js';
import { softHyphensStep } from '../lib/postprocess/soft-hyphens.js';
import { metadataStep } from '../lib/postprocess/metadata.js';
import { pressPdfStep } from '../lib/postprocess/press.js';
import { xmpStep } from '../lib/postprocess/xmp.js';
import { idStep } from '../lib/postprocess/id.js';
import { compressStep } from '../lib/postprocess/compress.js';
import { pressOptions } from '../lib/postprocess/press/index.js';

const edition = 'goci-2021';
/** The rule of templates/profile.css that keeps the spaces where lines wrap; today's HTML has none. */
const keptSpaces = /\n[^\n{}]*\{\n {2}white-space: pre-wrap;\n\}\n/;

function todaysSteps(press, softHyphens) {
  // The compress step: rewritten streams wait for it since this work (they were deflated by each step before).
  return [...(softHyphens ? [softHyphensStep] : []), metadataStep, press ? pressPdfStep(press) : xmpStep, compressStep, idStep];
}

/** Lay-out and print, and post-processing, of every profile's screen then press file: milliseconds each. */
async function printAll(page, entries, press, variant) {
  const time = { browser: 0, steps: 0 };
  // All screen files, then all press files: the warm page swaps documents of one stylesheet.
  for (const target of ['screen', 'press']) {
    for (const entry of entries) {
      let html = renderHtml(entry, target === 'press' ? { target } : {});
      if (variant === 'today') {
        if (!keptSpaces.test(html)) throw new Error('the rule that keeps wrapped spaces is not in the HTML: update bench/accessibility.js');
        html = html.replace(keptSpaces, '\n');
      }
      const started = performance.now();
      const { softHyphens } = await page.layOut(html);
      const raw = await page.print();
      const printed = performance.now();
      const options = target === 'press' ? press : undefined;
      const steps = variant === 'today' ? todaysSteps(options, softHyphens > 0) : pdfSteps(options, { softHyphens: softHyphens > 0 });
      await postprocess(raw, entry, steps);
      time.browser += printed - started;
      time.steps += performance.now() - printed;
    }
  }
  return time;
}

export async function runAccessibilityBench({ profiles = 30, rounds = 3, log = console.log } = {}) {
  const corpus = await loadCorpus([`content/${edition}`]);
  const entries = validateSources(corpus.sources, corpus.editions).valid.slice(0, profiles);
  const press = pressOptions();
  const engine = new PageEngine();
  const best = { today: { browser: Infinity, steps: Infinity }, accessible: { browser: Infinity, steps: Infinity } };
  try {
    // A warm page each, as a real run has: neither loads the other's stylesheet afresh.
    const pages = { today: await engine.page(), accessible: await engine.page() };
    for (const variant of ['today', 'accessible']) await printAll(pages[variant], entries.slice(0, 2), press, variant); // warm-up
    for (let round = 0; round < rounds; round += 1) {
      // Alternating which goes first, so that the machine's load weighs on each alike.
      for (const variant of round % 2 === 0 ? ['today', 'accessible'] : ['accessible', 'today']) {
        const time = await printAll(pages[variant], entries, press, variant);
        best[variant] = { browser: Math.min(best[variant].browser, time.browser), steps: Math.min(best[variant].steps, time.steps) };
      }
    }
  } finally {
    await engine.close();
  }
  const total = (time) => time.browser + time.steps;
  const each = (ms) => `${(ms / entries.length).toFixed(1)} ms`;
  const ratio = total(best.accessible) / total(best.today);
  log(`${entries.length} profiles of ${edition}, screen and press file each, a warm page each way, best of ${rounds}`);
  log(`             lay-out+print  post-processing  per profile`);
  for (const variant of ['today', 'accessible']) {
    log([(variant === 'today' ? 'today' : 'PDF/UA').padEnd(12), each(best[variant].browser).padEnd(13), each(best[variant].steps).padEnd(15), each(total(best[variant]))].join('  '));
  }
  log(`ratio ${ratio.toFixed(3)}x (target: at most 1.10x)${ratio <= 1.1 ? '' : '  ABOVE TARGET'}`);
  return { today: best.today, accessible: best.accessible, ratio };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { profiles: { type: 'string' } } });
  await runAccessibilityBench(values.profiles ? { profiles: Number(values.profiles) } : {});
}
