// Printing benchmark, whole processes at concurrency 2: `ocindex render` of the 193 profiles of
// goci-2021 against the naive way (one browser, two reused pages, setContent of the toolkit's HTML
// and page.pdf; target: at most 0.6x its time) and against the real floor, page.pdf alone on pages
// laid out once (aim: within 1.3x).
// Alone: `npm run build && node bench/render.js [--repeats 3] [--concurrency 2]`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { resolveExecutable } from '../lib/engine/browser.js';
import { medians, ratio, timeNode } from './process.js';

const folder = 'content/goci-2021';
const profiles = 193;

export async function benchRender({ repeats = 3, concurrency = 2, log = console.log } = {}) {
  const executable = await resolveExecutable();
  const out = mkdtempSync(join(tmpdir(), 'ocindex-bench-'));
  try {
    const c = String(concurrency);
    const [naive, pdfOnly, render] = medians(
      [
        () => timeNode(['bench/floors/print.js', 'naive', folder, c]),
        () => timeNode(['bench/floors/print.js', 'pdf', folder, c]),
        // --force: every repeat prints all (the output folder's files are up to date after the first).
        () => timeNode(['bin/ocindex.js', 'render', folder, '--out', out, '--concurrency', c, '--force']),
      ],
      repeats,
    );
    const each = (ms) => `${(ms / 1000).toFixed(1)} s (${(ms / profiles).toFixed(0)} ms/profile)`;
    log(`printing the ${profiles} profiles of goci-2021, whole process, concurrency ${concurrency}, median of ${repeats}, ${executable.path} (${executable.source})`);
    log(`  naive (setContent + page.pdf): ${each(naive)}`);
    log(`  floor (page.pdf alone on a laid-out page): ${each(pdfOnly)}`);
    log(`  ocindex render: ${each(render)}; ${ratio(render, naive, 0.6)} the naive way; ${ratio(render, pdfOnly, 1.3)} the floor`);
    return { naive, pdfOnly, render };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { repeats: { type: 'string' }, concurrency: { type: 'string' } } });
  await benchRender({ repeats: values.repeats ? Number(values.repeats) : undefined, concurrency: values.concurrency ? Number(values.concurrency) : undefined });
}
