import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';
import { renderBatch } from '../../render/batch.js';
import { renderPdf } from '../../render/render-pdf.js';
import { preflight } from '../../preflight/preflight.js';
import { PageEngine } from '../../engine/engine.js';
import { measureFit } from '../../engine/copy-fit.js';
import { renderHtml } from '../../html/html.js';
import { bleed, trimSize } from './boxes.js';
import { loadColourTable } from './colours.js';
import { pressOptions } from './index.js';
import { defaultIccFile } from './output-intent.js';
import { validProfile, withCriminalityEnd, withStatus } from '../../testing/fixtures.js';
import { azerbaijan2021, replaceOnce, runCli } from '../../testing/support.js';
import { coloursAt, temporaryFolders, textItems, writeContent } from '../../testing/press-fixtures.js';
import { box, RawPdf } from '../../testing/raw-pdf.js';

const folders = temporaryFolders();
afterAll(folders.removeAll);

const azerbaijan = 'goci-2021/azerbaijan.md';
const mm = 72 / 25.4;
let screen: Buffer;
let press: Buffer;
let pressAgain: Buffer;

beforeAll(async () => {
  const content = writeContent(folders.make(), { [azerbaijan]: azerbaijan2021 });
  const [first, second] = [folders.make(), folders.make()];
  const both = await runCli('render', content, '--out', first, '--target', 'both');
  expect(both.code, both.stderr).toBe(0);
  // Both files written are named.
  expect(both.stdout).toMatch(/^\[1\/1\] \S*goci-2021\/azerbaijan\.pdf and \S*goci-2021\/azerbaijan\.press\.pdf$/m);
  const again = await runCli('render', content, '--out', second, '--target', 'press');
  expect(again.code, again.stderr).toBe(0);
  expect(existsSync(join(second, 'goci-2021/azerbaijan.pdf'))).toBe(false);
  screen = readFileSync(join(first, 'goci-2021/azerbaijan.pdf'));
  press = readFileSync(join(first, 'goci-2021/azerbaijan.press.pdf'));
  pressAgain = readFileSync(join(second, 'goci-2021/azerbaijan.press.pdf'));
});

/** Every operator of the press file's content streams with its operands, by a plain split on white space. */
function colourOperations(pdf: RawPdf): { operator: string; operands: string[] }[] {
  const found: { operator: string; operands: string[] }[] = [];
  for (const object of pdf.objects.values()) {
    if (!object.stream || /\/Length1|\/Subtype \/XML|\/N 4/.test(object.dict)) continue;
    const words = object.stream.toString('latin1').split(/\s+/);
    words.forEach((word, i) => {
      if (['rg', 'RG', 'k', 'K', 'cs', 'CS', 'sc', 'scn', 'SC', 'SCN', 'g', 'G'].includes(word)) found.push({ operator: word, operands: words.slice(Math.max(0, i - 4), i) });
    });
  }
  return found;
}

describe('the press PDF', () => {
  it('trims to A4 with 3 mm of bleed on every page, inside the MediaBox, without a CropBox', () => {
    const pages = new RawPdf(press).pages();
    expect(pages).toHaveLength(2);
    for (const { dict } of pages) {
      const [tx0, ty0, tx1, ty1] = box(dict, 'TrimBox')!;
      expect(tx1! - tx0!).toBeCloseTo(595.28, 2);
      expect(ty1! - ty0!).toBeCloseTo(841.89, 2);
      expect(box(dict, 'BleedBox')).toEqual([tx0! - bleed, ty0! - bleed, tx1! + bleed, ty1! + bleed].map((v) => expect.closeTo(v, 2)));
      const [mx0, my0, mx1, my1] = box(dict, 'MediaBox')!;
      expect(mx0).toBeLessThanOrEqual(tx0! - bleed);
      expect(my0).toBeLessThanOrEqual(ty0! - bleed);
      expect(mx1).toBeGreaterThanOrEqual(tx1! + bleed);
      expect(my1).toBeGreaterThanOrEqual(ty1! + bleed);
      expect(dict).not.toContain('/CropBox');
    }
    expect(8.504).toBeCloseTo(bleed, 3);
    expect(trimSize.width).toBeCloseTo(210 * mm, 6);
  });

  it('paints in DeviceCMYK only, with the colour table\'s values, greys and black on the black plate only', () => {
    const table = loadColourTable();
    const operations = colourOperations(new RawPdf(press));
    expect(operations.filter((o) => ['rg', 'RG', 'cs', 'CS', 'sc', 'scn', 'SC', 'SCN'].includes(o.operator))).toEqual([]);
    const cmyk = operations.filter((o) => o.operator === 'k' || o.operator === 'K').map((o) => o.operands.slice(-4).join(' '));
    // As many colour settings as the screen PDF has RGB ones: each was rewritten, none dropped.
    const screenRgb = colourOperations(new RawPdf(screen)).filter((o) => o.operator === 'rg' || o.operator === 'RG');
    expect(cmyk).toHaveLength(screenRgb.length);
    expect(new Set(cmyk)).toEqual(new Set([...table.values()].filter((v) => cmyk.includes(v))));
    expect(cmyk.every((v) => [...table.values()].includes(v))).toBe(true);
    // The text colour (#1d2330, ink) and the greys are K only.
    for (const grey of ['#1d2330', '#5d6575', '#c9ced6', '#f1f2f4']) expect(table.get(grey)).toMatch(/^0 0 0 [.\d]+$/);
    expect(cmyk).toContain(table.get('#1d2330'));
    expect(new RawPdf(press).find(/\/DeviceRGB/)).toEqual([]);
  });

  it('has a GTS_PDFX output intent with the embedded FOGRA39 profile', () => {
    const pdf = new RawPdf(press);
    const intents = pdf.find(/\/Type \/OutputIntent/);
    expect(intents).toHaveLength(1);
    expect(intents[0]!.dict).toMatch(/\/S \/GTS_PDFX/);
    expect(intents[0]!.dict).toMatch(/\/OutputConditionIdentifier \(FOGRA39\)/);
    expect(pdf.catalog().dict).toMatch(/\/OutputIntents \[\s*\d+ 0 R\s*\]/);
    const profile = pdf.get(/\/DestOutputProfile (\d+ 0 R)/.exec(intents[0]!.dict)![1]!);
    expect(profile.dict).toMatch(/\/N 4/);
    expect(profile.stream!.equals(readFileSync(defaultIccFile))).toBe(true);
  });

  it('declares PDF/X-4 in XMP that agrees with the Info dictionary, in a PDF 1.6 file', () => {
    const pdf = new RawPdf(press);
    expect(pdf.header).toBe('%PDF-1.6');
    const xmp = pdf.find(/\/Subtype \/XML/)[0]!.stream!.toString('utf8');
    expect(xmp).toContain('pdfxid:GTS_PDFXVersion="PDF/X-4"');
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Azerbaijan | Global Organized Crime Index 2021</rdf:li>');
    expect(xmp).toContain('xmp:CreateDate="2021-01-01T00:00:00Z"');
    expect(xmp).toContain('pdf:Trapped="False"');
    const info = pdf.info().dict;
    expect(info).toMatch(/\/Trapped \/False/);
    expect(info).toMatch(/\/CreationDate \(D:20210101000000Z\)/);
    expect(pdf.catalog().dict).toMatch(/\/Metadata \d+ 0 R/);
  });

  it('keeps the tags, language and bookmarks of the screen PDF', () => {
    const [pdf, reference] = [new RawPdf(press), new RawPdf(screen)];
    const structure = (p: RawPdf) => p.find(/\/Type \/StructElem/).map((o) => /\/S \/(\w+)/.exec(o.dict)?.[1]).sort();
    expect(structure(pdf).length).toBeGreaterThan(100);
    expect(structure(pdf)).toEqual(structure(reference));
    expect(pdf.catalog().dict).toMatch(/\/MarkInfo <<\s*\/Type \/MarkInfo\s*\/Marked true\s*>>/);
    expect(pdf.catalog().dict).toMatch(/\/Lang \(en\)/);
    // The bookmark in the source's letter case (the letter-case step), as a UTF-16 string.
    const criminality = Buffer.from('\uFEFFCriminality', 'utf16le').swap16().toString('hex');
    expect(pdf.find(new RegExp(`/Title <${criminality}>`, 'i'))).toHaveLength(1);
  });

  it('has the words of the screen PDF, on the same lines, moved only by the offset of the trim', async () => {
    const [pressPages, screenPages] = [await textItems(press), await textItems(screen)];
    const trim = box(new RawPdf(press).pages()[0]!.dict, 'TrimBox')!;
    const screenHeight = box(new RawPdf(screen).pages()[0]!.dict, 'MediaBox')![3]!;
    const dx = trim[0]!;
    const dy = trim[3]! - screenHeight;
    expect(pressPages.map((items) => items.map((i) => [i.str, i.eol]))).toEqual(screenPages.map((items) => items.map((i) => [i.str, i.eol])));
    pressPages.forEach((items, p) =>
      items.forEach((item, i) => {
        expect(item.x - dx).toBeCloseTo(screenPages[p]![i]!.x, 1);
        expect(item.y - dy).toBeCloseTo(screenPages[p]![i]!.y, 1);
      }),
    );
  });

  it('is byte-identical on a second render', () => {
    expect(pressAgain.equals(press)).toBe(true);
  });

  it('paints the panel and its accent bar into the bleed: the rasterized corners are theirs, not white', async () => {
    const [x0, y0, , y1] = box(new RawPdf(press).pages()[0]!.dict, 'TrimBox')!;
    const [bleedBottomLeft, panel, bleedTopLeft, bar] = await coloursAt(press, [
      [x0! - bleed + 0.5, y0! - bleed + 0.5], // outside the trim, at the bleed's bottom-left corner
      [x0! + 10, y0! + 10], // the panel, inside the trim
      [x0! - bleed + 0.5, y1! + bleed - 0.5], // the bleed's top-left corner
      [x0! + 10, y1! - 2], // the accent bar, inside the trim
    ]);
    expect(panel).not.toEqual([255, 255, 255]);
    expect(bleedBottomLeft).toEqual(panel);
    expect(bar![0]).toBeGreaterThan(bar![1]! + 80); // the criminality red
    expect(bleedTopLeft).toEqual(bar);
  });
});

describe('ocindex render --target press', () => {
  it('adds crop marks outside the bleed, as artifacts in registration colour, with --crop-marks', async () => {
    const content = writeContent(folders.make(), { [azerbaijan]: azerbaijan2021 });
    const out = folders.make();
    const result = await runCli('render', content, '--out', out, '--target', 'press', '--crop-marks');
    expect(result.code, result.stderr).toBe(0);
    const pdf = new RawPdf(readFileSync(join(out, 'goci-2021/azerbaijan.press.pdf')));
    const page = pdf.pages()[0]!;
    const [tx0, ty0, tx1, ty1] = box(page.dict, 'TrimBox')!;
    expect(box(page.dict, 'MediaBox')![0]).toBeLessThan(tx0! - 10 * mm);
    expect(pdf.find(/\/Separation\s*\/All\s*\/DeviceCMYK/).length + pdf.find(/\[\s*\/Separation \/All/).length).toBeGreaterThan(0);
    const marks = [...pdf.objects.values()].find((o) => o.stream?.toString('latin1').includes('/OcindexRegistration CS'))!.stream!.toString('latin1');
    expect(marks).toMatch(/^Q\n\/Artifact BMC\n/);
    const points = [...marks.matchAll(/([\d.-]+) ([\d.-]+) [ml]/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    expect(points).toHaveLength(16);
    for (const [x, y] of points) {
      const distance = Math.max(tx0! - x, x - tx1!, ty0! - y, y - ty1!);
      expect(distance).toBeGreaterThanOrEqual(3 * mm - 0.01);
    }
    expect(marks).toMatch(/\/OcindexRegistration CS 1 SCN/);
  });

  it('never sends a draft or a profile under review to press: reported with file and status, exit 1', async () => {
    const content = writeContent(folders.make(), { [azerbaijan]: withStatus(azerbaijan2021, 'review'), 'goci-2023/azerbaijan.md': withStatus(azerbaijan2021.replace('edition: goci-2021', 'edition: goci-2023'), 'draft') });
    const out = folders.make();
    const result = await runCli('render', join(content, azerbaijan), '--out', out, '--target', 'both');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/goci-2021\/azerbaijan\.md: status review: not sent to press/);
    expect(existsSync(join(out, 'goci-2021/azerbaijan.pdf'))).toBe(true);
    expect(existsSync(join(out, 'goci-2021/azerbaijan.press.pdf'))).toBe(false);
    const pressOnly = await runCli('render', join(content, azerbaijan), '--out', folders.make(), '--target', 'press');
    expect(pressOnly.code).toBe(1);
    // The refused profile is counted in the summary.
    expect(pressOnly.stdout).toMatch(/^1 profile: 0 written, 0 skipped for errors, 1 not final \(not sent to press\), 0 not fitting their pages, 0 failed in /m);
  });

  it('writes no file that fails the preflight: a narrative heading that skips levels stops the profile (exit 1)', async () => {
    const skipping = replaceOnce(azerbaijan2021, '\n# Resilience\n', '\n##### A deep note\n\nShort.\n\n# Resilience\n');
    const content = writeContent(folders.make(), { [azerbaijan]: skipping });
    const out = folders.make();
    const result = await runCli('render', content, '--out', out, '--target', 'both');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/goci-2021\/azerbaijan\.md: screen PDF fails preflight: H6 follows H3: a heading level is skipped/);
    // The output folder was checked (and made) before printing; no file is in it.
    expect(readdirSync(join(out, 'goci-2021'))).toEqual([]);
  });

  it('refuses crop marks or a profile without the press target, and an ICC profile that is not CMYK output (exit 2)', async () => {
    const content = writeContent(folders.make(), { [azerbaijan]: azerbaijan2021 });
    const marks = await runCli('render', content, '--out', folders.make(), '--crop-marks');
    expect(marks.code).toBe(2);
    expect(marks.stderr).toContain('--crop-marks is for press files');
    const notIcc = join(folders.make(), 'srgb.icc');
    writeFileSync(notIcc, 'not a profile');
    const bad = await runCli('render', content, '--out', folders.make(), '--target', 'press', '--icc', notIcc);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${notIcc}: not an ICC profile`);
  });

  it('embeds the ICC profile given with --icc, as a custom output condition', async () => {
    const content = writeContent(folders.make(), { [azerbaijan]: azerbaijan2021 });
    const icc = join(folders.make(), 'printer.icc');
    copyFileSync(defaultIccFile, icc);
    const out = folders.make();
    const result = await runCli('render', content, '--out', out, '--target', 'press', '--icc', icc);
    expect(result.code, result.stderr).toBe(0);
    const intent = new RawPdf(readFileSync(join(out, 'goci-2021/azerbaijan.press.pdf'))).find(/\/Type \/OutputIntent/)[0]!.dict;
    expect(intent).toMatch(/\/OutputConditionIdentifier \(Custom\)/);
    expect(intent).toMatch(/\/OutputCondition \(Coated FOGRA39/);
  });

  it('drops link annotations from the press file (PDF/X forbids them on the page) and keeps the tags valid', async () => {
    const linked = withCriminalityEnd('See the [index](https://ocindex.net).');
    const content = writeContent(folders.make(), { [azerbaijan]: linked });
    const out = folders.make();
    const result = await runCli('render', content, '--out', out, '--target', 'both');
    expect(result.code, result.stderr).toBe(0);
    const screenPdf = new RawPdf(readFileSync(join(out, 'goci-2021/azerbaijan.pdf')));
    const pressPdf = new RawPdf(readFileSync(join(out, 'goci-2021/azerbaijan.press.pdf')));
    expect(screenPdf.find(/\/Subtype \/Link/).length).toBeGreaterThan(0);
    expect(pressPdf.find(/\/Subtype \/Link/)).toEqual([]);
    expect(pressPdf.pages().map((p) => p.dict).join('')).not.toContain('/Annots');
    expect(pressPdf.find(/\/Type \/OBJR/)).toEqual([]);
    expect((await runCli('preflight', join(out, 'goci-2021/azerbaijan.press.pdf'))).code).toBe(0);
  });
});

describe('the press target in the config and the library', () => {
  it('reads `targets` from the config, and names the key of a wrong one', async () => {
    const folder = folders.make();
    writeFileSync(join(folder, 'ocindex.config.json'), JSON.stringify({ targets: ['screen', 'press'] }));
    expect((await loadConfig(folder)).targets).toEqual(['screen', 'press']);
    writeFileSync(join(folder, 'ocindex.config.json'), JSON.stringify({ targets: ['print'] }));
    await expect(loadConfig(folder)).rejects.toThrow(/ocindex\.config\.json: targets\[0\]/);
  });

  it('prints the press file with renderPdf(entry, { press })', async () => {
    const bytes = await renderPdf(validProfile(azerbaijan2021), { press: pressOptions() });
    expect(Buffer.from(bytes).equals(press)).toBe(true);
    expect(await preflight(bytes)).toEqual({ press: true, findings: [] });
  });
});

describe('the press step', () => {
  it('refuses a colour the table does not declare, naming it, and writes nothing', async () => {
    const options = pressOptions();
    const colours = new Map(options.colours);
    colours.delete('#a8322d');
    const out = folders.make();
    const entry = validProfile(azerbaijan2021);
    const outcomes = await renderBatch([{ entry, pressPath: join(out, 'azerbaijan.press.pdf') }], {
      layout: { renderHtml },
      press: { ...options, colours },
    });
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ status: 'template', message: expect.stringContaining('#a8322d') });
    expect(existsSync(join(out, 'azerbaijan.press.pdf'))).toBe(false);
  });

  it('converts form XObjects too: a watermark (drawn by the library for any status) is CMYK like the page', async () => {
    const out = folders.make();
    const entry = validProfile(withStatus(azerbaijan2021, 'draft'));
    const outcomes = await renderBatch([{ entry, pressPath: join(out, 'draft.press.pdf') }], { layout: { renderHtml }, press: pressOptions() });
    expect(outcomes.map((o) => ('message' in o ? o.message : o.status))).toEqual(['written']);
    const pdf = new RawPdf(readFileSync(join(out, 'draft.press.pdf')));
    const forms = pdf.find(/\/Subtype \/Form/);
    expect(forms.length).toBeGreaterThan(0);
    for (const form of forms) {
      expect(form.stream!.toString('latin1')).toMatch(/ k\b/);
      expect(form.stream!.toString('latin1')).not.toMatch(/ (rg|RG)\b/);
    }
    expect(colourOperations(pdf).filter((o) => o.operator === 'rg' || o.operator === 'RG')).toEqual([]);
  });

  it('lays out the press HTML with the screen\'s copy-fit, fitting or overflowing alike', async () => {
    const paragraph = azerbaijan2021.split('\n').find((line) => line.startsWith('The repressive and authoritarian government')) ?? '';
    const texts = [azerbaijan2021, withCriminalityEnd([paragraph, paragraph, paragraph].join('\n\n')), replaceOnce(azerbaijan2021, '# Resilience\n', `# Resilience\n\n${paragraph}\n\n${paragraph}\n`)];
    const engine = new PageEngine();
    try {
      const page = await engine.page();
      for (const text of texts) {
        const entry = validProfile(text);
        await page.layOut(renderHtml(entry));
        const onScreen = await measureFit(page.page);
        await page.layOut(renderHtml(entry, { target: 'press' }));
        expect(await measureFit(page.page)).toEqual(onScreen);
      }
    } finally {
      await engine.close();
    }
  });
});
