// The floors of `ocindex render`, as whole processes on the same profiles, browser and concurrency:
//   naive: one browser, two reused pages, setContent of the toolkit's own HTML of each profile and
//          page.pdf (no copy-fit, no post-processing, nothing written);
//   pdf:   page.pdf alone, on pages laid out once: the time Chromium takes to print, the real floor.
// Usage: node bench/floors/print.js naive|pdf <folder> [concurrency]
import { loadCorpus } from '../../lib/validate/corpus.js';
import { launchBrowser } from '../../lib/engine/browser.js';
import { renderHtml } from '../../lib/html/html.js';
import { pdfOptions } from '../../lib/engine/pdf.js';
import { validateSources } from '../../lib/validate/validate.js';

const [mode, folder, concurrency = '2'] = process.argv.slice(2);
const corpus = await loadCorpus([folder]);
const htmls = validateSources(corpus.sources, corpus.editions).valid.map((entry) => renderHtml(entry));
const browser = await launchBrowser();
let printed = 0;
const queue = [...htmls];
async function worker() {
  const page = await browser.newPage();
  if (mode === 'pdf') await page.setContent(htmls[0], { waitUntil: 'load' });
  for (let html = queue.shift(); html !== undefined; html = queue.shift()) {
    if (mode === 'naive') await page.setContent(html, { waitUntil: 'load' });
    await page.pdf(pdfOptions);
    printed += 1;
  }
}
await Promise.all(Array.from({ length: Number(concurrency) }, worker));
await browser.close();
process.stdout.write(`${mode}: ${printed} PDFs\n`);
