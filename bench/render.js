// Rendering benchmark: the whole goci-2021 edition in one batch, next to a floor measured in the same
// run (one browser, setContent of the same HTML and page.pdf, same concurrency, nothing else), at
// concurrency 1, 2 and 4. Target: the render within 1.3x of the floor.
// Alone: `npm run build && node bench/render.js [--profiles N] [--concurrency 1,2,4]`.
// The press target against the screen target: `node bench/render.js --press [--profiles N] [--concurrency N]`.
import { readdirSync, readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../lib/corpus.js';
import { renderBatch } from '../lib/render/batch.js';
import { launchBrowser, resolveExecutable } from '../lib/render/browser.js';
import { measureFit } from '../lib/render/copy-fit.js';
import { pdfOptions } from '../lib/render/pdf.js';
import { renderHtml } from '../lib/render/html.js';
import { pressOptions } from '../lib/render/press/index.js';
import { validateSources } from '../lib/validate/validate.js';

const edition = 'goci-2021';

/** Resident memory of this process and of every process in the browser's group, in bytes. */
function residentBytes(browserPid) {
  let total = process.memoryUsage().rss;
  if (browserPid === undefined) return total;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Field 5 of /proc/<pid>/stat is the process group: Chromium runs detached, in a group of its own.
      const fields = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      if (Number(fields[2]) !== browserPid) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${name}/status`, 'utf8'));
      total += Number(rss?.[1] ?? 0) * 1024;
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}

/** Runs `work(recordBrowser)`, sampling memory every 100 ms; resolves to its duration and the peak. */
async function measured(work) {
  let browserPid;
  let peak = 0;
  const sample = () => (peak = Math.max(peak, residentBytes(browserPid)));
  const timer = setInterval(sample, 100);
  const started = performance.now();
  try {
    await work((browser) => (browserPid = browser.process()?.pid));
  } finally {
    clearInterval(timer);
  }
  sample();
  return { ms: performance.now() - started, peak };
}

/**
 * The floor: the same browser and HTML, a pool of plain pages, setContent and page.pdf, nothing else.
 * page.pdf gets the renderer's options: a tagged PDF with bookmarks is the product, not overhead.
 */
async function floor(htmls, concurrency) {
  return measured(async (record) => {
    const browser = await launchBrowser();
    record(browser);
    const queue = [...htmls];
    const worker = async () => {
      const page = await browser.newPage();
      for (let html = queue.shift(); html !== undefined; html = queue.shift()) {
        await page.setContent(html, { waitUntil: 'load' });
        await page.pdf(pdfOptions);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    await browser.close();
  });
}

/** The renderer as `ocindex render` runs it, from the validated profiles to the PDF files. */
async function render(entries, concurrency) {
  const out = mkdtempSync(join(tmpdir(), 'ocindex-bench-'));
  try {
    let outcomes = [];
    const result = await measured(async (record) => {
      const tasks = entries.map((entry) => ({ entry, pdfPath: join(out, `${entry.profile.file.stem}.pdf`) }));
      const launch = async () => {
        const browser = await launchBrowser();
        record(browser);
        return browser;
      };
      outcomes = await renderBatch(tasks, { layout: { renderHtml, measureFit }, concurrency, launch });
    });
    const written = outcomes.filter((o) => o.status === 'written').length;
    if (written !== entries.length) throw new Error(`${entries.length - written} of ${entries.length} profiles not written`);
    return result;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const mb = (bytes) => `${Math.round(bytes / 2 ** 20)} MB`;
const perProfile = (ms, n) => `${(ms / n / 1000).toFixed(3)} s`;

export async function runRenderBench({ profiles = Infinity, concurrencies = [1, 2, 4], log = console.log } = {}) {
  const corpus = await loadCorpus([`content/${edition}`]);
  const entries = validateSources(corpus.sources, corpus.editions).valid.slice(0, profiles);
  const htmls = entries.map((entry) => renderHtml(entry));
  const executable = await resolveExecutable();
  log(`rendering ${entries.length} profiles of ${edition} with ${executable.path} (${executable.source})`);
  log('concurrency  floor/profile  render/profile  ratio  peak RSS floor  peak RSS render');
  const rows = [];
  for (const concurrency of concurrencies) {
    const base = await floor(htmls, concurrency);
    const full = await render(entries, concurrency);
    const row = { concurrency, floorMs: base.ms, renderMs: full.ms, ratio: full.ms / base.ms, peakFloor: base.peak, peakRender: full.peak };
    rows.push(row);
    log(
      [String(concurrency).padEnd(11), perProfile(base.ms, entries.length).padEnd(14), perProfile(full.ms, entries.length).padEnd(15),
        row.ratio.toFixed(2).padEnd(6), mb(base.peak).padEnd(15), mb(full.peak)].join('  '),
    );
  }
  return rows;
}

/** One batch of `ocindex render --target <target>`, from the validated profiles to the files. */
async function renderTarget(entries, target, concurrency, press) {
  const out = mkdtempSync(join(tmpdir(), 'ocindex-bench-'));
  try {
    const started = performance.now();
    const tasks = entries.map((entry) => {
      const base = join(out, entry.profile.file.stem);
      return { entry, ...(target === 'screen' ? { pdfPath: `${base}.pdf` } : { pressPath: `${base}.press.pdf` }) };
    });
    const outcomes = await renderBatch(tasks, { layout: { renderHtml, measureFit }, concurrency, press });
    const failed = outcomes.filter((o) => o.status !== 'written');
    if (failed.length > 0) throw new Error(`${target}: ${failed.length} not written (${failed[0].message})`);
    return performance.now() - started;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * The press target against the screen target, same profiles, same concurrency, same run (target: press
 * within 1.25x of screen per profile). The bundled profiles are drafts, which never go to press: both
 * targets print final copies of them (status final, in memory; no watermark on either). Each target is
 * timed in alternation, `rounds` times, and its fastest batch counts, which keeps the noise of other
 * work on the machine out of the ratio.
 */
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
  const { values } = parseArgs({ options: { profiles: { type: 'string' }, concurrency: { type: 'string' }, press: { type: 'boolean' } } });
  if (values.press) {
    await runPressBench({ ...(values.profiles ? { profiles: Number(values.profiles) } : {}), ...(values.concurrency ? { concurrency: Number(values.concurrency) } : {}) });
  } else {
    await runRenderBench({
      profiles: values.profiles ? Number(values.profiles) : Infinity,
      concurrencies: values.concurrency ? values.concurrency.split(',').map(Number) : undefined,
    });
  }
}
