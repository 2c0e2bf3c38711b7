import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFDict } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../engine/browser.js';
import { renderPdf } from '../render/render-pdf.js';
import { closeBrowser } from '../engine/session.js';
import { proofSheets, profilesPerSheet } from './proof.js';
import { validProfile } from '../testing/fixtures.js';
import { pageTexts } from '../testing/render.js';
import { emptyFolder, projectRoot, readContent, runCli } from '../testing/support.js';

const chosen = ['goci-2021/azerbaijan.md', 'goci-2023/azerbaijan.md', 'goci-2023/micronesia-federated-states-of.md'];
const folder = emptyFolder();
const dist = join(folder, 'dist');
let pdfs: Uint8Array[] = [];

beforeAll(async () => {
  const browser = await launchBrowser();
  try {
    for (const path of chosen) pdfs.push(await renderPdf(validProfile(readContent(path), `content/${path}`), { browser }));
  } finally {
    await closeBrowser(browser);
  }
  chosen.forEach((path, i) => {
    mkdirSync(join(dist, path, '..'), { recursive: true });
    writeFileSync(join(dist, path.replace(/\.md$/, '.pdf')), pdfs[i] as Uint8Array);
  });
});

/** Form XObjects drawn on a sheet: each is one embedded page. */
function embeddedPages(doc: PDFDocument, sheet: number): number {
  const resources = doc.getPage(sheet).node.Resources();
  return resources?.lookupMaybe(PDFName.of('XObject'), PDFDict)?.keys().length ?? 0;
}

describe('ocindex proof', () => {
  it('puts every page of the rendered profiles on an A3 sheet, labelled with their files', async () => {
    const out = join(folder, 'proof.pdf');
    const { code, stdout, stderr } = await runCli('proof', dist, '--out', out);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/proof\.pdf: 3 profiles on 1 sheet in \d+\.\d s\n$/);
    const doc = await PDFDocument.load(readFileSync(out));
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([1191, 842]);
    expect(embeddedPages(doc, 0)).toBe(6);
    const [text = ''] = await pageTexts(readFileSync(out));
    for (const path of chosen) expect(text).toContain(path.replace(/\.md$/, '.pdf'));
  });

  it('shows each profile of a folder once: not its press file, nor a proof written into the folder', async () => {
    writeFileSync(join(dist, 'goci-2021', 'azerbaijan.press.pdf'), pdfs[0] as Uint8Array);
    try {
      const inside = join(dist, 'proof.pdf');
      const first = await runCli('proof', dist, '--out', inside);
      expect(first.stdout).toMatch(/3 profiles on 1 sheet/);
      const again = await runCli('proof', dist, '--out', inside);
      expect(again.stdout).toMatch(/3 profiles on 1 sheet/);
      rmSync(inside);
      // Named, a press file is shown.
      const named = await runCli('proof', join(dist, 'goci-2021', 'azerbaijan.press.pdf'), '--out', join(folder, 'press-proof.pdf'));
      expect(named.stdout).toMatch(/1 profile on 1 sheet/);
    } finally {
      rmSync(join(dist, 'goci-2021', 'azerbaijan.press.pdf'));
    }
  });

  it('lays 20 profiles on a sheet, on as many sheets as needed', async () => {
    const many = Array.from({ length: 2 * profilesPerSheet + 1 }, (_, i) => ({ label: `copy-${i}.pdf`, pdf: pdfs[i % pdfs.length] as Uint8Array }));
    const { pdf, problems } = await proofSheets(many, 'Proof');
    expect(problems).toEqual([]);
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(3);
    expect([0, 1, 2].map((sheet) => embeddedPages(doc, sheet))).toEqual([40, 40, 2]);
  });

  it('names a file that is not a PDF, shows the others and exits 1', async () => {
    writeFileSync(join(dist, 'goci-2021', 'broken.pdf'), 'not a pdf');
    const out = join(folder, 'proof-broken.pdf');
    const { code, stdout, stderr } = await runCli('proof', dist, '--out', out);
    rmSync(join(dist, 'goci-2021', 'broken.pdf'));
    expect(stderr).toMatch(/^goci-2021\/broken\.pdf: not a readable PDF \(/);
    expect(stdout).toContain('3 profiles on 1 sheet');
    expect(code).toBe(1);
  });

  it('says to render first when given a profile instead of its PDF', async () => {
    const profile = join(projectRoot, 'content', 'goci-2021', 'chad.md');
    const { code, stderr } = await runCli('proof', profile, join(dist, 'goci-2021'), '--out', join(folder, 'proof-md.pdf'));
    expect(stderr).toMatch(/chad\.md: a profile, not its PDF: render it first \(ocindex render\)/);
    expect(code).toBe(1);
  });

  it('exits 2 when there is nothing to show', async () => {
    const empty = join(folder, 'empty');
    mkdirSync(empty);
    const { code, stderr } = await runCli('proof', empty, '--out', join(folder, 'none.pdf'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/no PDF found; render the profiles first/);
    expect((await runCli('proof', join(folder, 'missing'), '--out', join(folder, 'none.pdf'))).stderr).toMatch(/missing: no such file or folder/);
  });
});
