import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBatch } from '../render/batch.js';
import { renderHtml } from '../html/html.js';
import { pressOptions } from '../postprocess/press/index.js';
import { preflight } from './preflight.js';
import { validProfile } from '../testing/fixtures.js';
import { azerbaijan2021, runCli } from '../testing/support.js';
import { temporaryFolders } from '../testing/press-fixtures.js';

const folders = temporaryFolders();
afterAll(folders.removeAll);

let out: string;
let screen: Uint8Array;
let press: Uint8Array;

beforeAll(async () => {
  out = folders.make();
  const entry = validProfile(azerbaijan2021);
  const outcomes = await renderBatch([{ entry, pdfPath: join(out, 'azerbaijan.pdf'), pressPath: join(out, 'azerbaijan.press.pdf') }], {
    layout: { renderHtml },
    press: pressOptions(),
  });
  expect(outcomes.map((o) => o.status)).toEqual(['written']);
  screen = readFileSync(join(out, 'azerbaijan.pdf'));
  press = readFileSync(join(out, 'azerbaijan.press.pdf'));
});

/** A copy of a good file changed by `change`, saved by pdf-lib with the 1.6 header of the original. */
async function broken(pdf: Uint8Array, change: (doc: PDFDocument) => void, header = '%PDF-1.6'): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  change(doc);
  const bytes = Buffer.from(await doc.save({ useObjectStreams: false }));
  bytes.write(header, 0, 'latin1');
  return bytes;
}

async function checksFailing(pdf: Uint8Array, options: { press?: boolean } = {}): Promise<string[]> {
  return [...new Set((await preflight(pdf, options)).findings.map((f) => f.check))];
}

const structElements = (doc: PDFDocument) =>
  [...doc.context.enumerateIndirectObjects()].map(([, o]) => o).filter((o): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of('Type')) === PDFName.of('StructElem'));

const info = (doc: PDFDocument) => doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);

const replaceXmp = (from: string, to: string) => (doc: PDFDocument) => {
  const ref = doc.catalog.get(PDFName.of('Metadata')) as PDFRef;
  const text = Buffer.from((doc.context.lookup(ref) as PDFRawStream).contents).toString('utf8');
  expect(text).toContain(from);
  const changed = text.replace(from, to);
  doc.context.assign(ref, PDFRawStream.of(doc.context.obj({ Type: 'Metadata', Subtype: 'XML', Length: PDFNumber.of(Buffer.byteLength(changed)) }), Buffer.from(changed)));
};

const dicts = (doc: PDFDocument) => [...doc.context.enumerateIndirectObjects()].map(([, o]) => o).filter((o): o is PDFDict => o instanceof PDFDict);
const ofType = (doc: PDFDocument, type: string) => structElements(doc).filter((e) => e.get(PDFName.of('S')) === PDFName.of(type));

/** A page with one more content stream, painting what `content` says. */
function paintOnPage(doc: PDFDocument, content: string): void {
  const page = doc.getPage(0);
  const contents = page.node.get(PDFName.of('Contents'));
  page.node.set(PDFName.of('Contents'), doc.context.obj([contents!, doc.context.register(doc.context.stream(content))]));
}

describe('preflight of a press file: one finding per broken point, none for the file render writes', () => {
  it('passes the press and screen files render writes', async () => {
    expect(await preflight(press)).toEqual({ press: true, findings: [] });
    expect(await preflight(screen)).toEqual({ press: false, findings: [] });
  });

  it('pdfx-version: a PDF 1.7 header', async () => {
    expect(await checksFailing(await broken(press, () => undefined, '%PDF-1.7'))).toEqual(['pdfx-version']);
  });

  it('pdfx-boxes: no TrimBox, a BleedBox without bleed, a CropBox', async () => {
    const noTrim = await broken(press, (doc) => doc.getPage(1).node.delete(PDFName.of('TrimBox')));
    expect((await preflight(noTrim)).findings).toEqual([{ check: 'pdfx-boxes', page: 2, message: 'no TrimBox' }]);
    const noBleed = await broken(press, (doc) => doc.getPage(0).node.set(PDFName.of('BleedBox'), doc.getPage(0).node.get(PDFName.of('TrimBox'))!));
    expect((await preflight(noBleed)).findings).toEqual([expect.objectContaining({ check: 'pdfx-boxes', page: 1, message: expect.stringContaining('not the TrimBox plus 3 mm') })]);
    expect(await checksFailing(await broken(press, (doc) => doc.getPage(0).setCropBox(0, 0, 595, 842)))).toEqual(['pdfx-boxes']);
  });

  it('pdfx-output-intent: none', async () => {
    expect(await checksFailing(await broken(press, (doc) => doc.catalog.delete(PDFName.of('OutputIntents'))))).toEqual(['pdfx-output-intent']);
  });

  it('pdfx-colour: an rg operator, on its page', async () => {
    const rgb = await broken(press, (doc) => {
      const page = doc.getPage(0);
      const contents = page.node.get(PDFName.of('Contents'));
      page.node.set(PDFName.of('Contents'), doc.context.obj([contents!, doc.context.register(doc.context.stream('/Artifact BMC 1 0 0 rg 0 0 10 10 re f EMC'))]));
    });
    expect((await preflight(rgb)).findings).toEqual([{ check: 'pdfx-colour', page: 1, message: 'RGB colour: rg operator' }]);
  });

  it('pdfx-fonts: a font not embedded, a Type 3 font', async () => {
    const fontsOf = (doc: PDFDocument) => [...doc.context.enumerateIndirectObjects()].map(([, o]) => o).filter((o): o is PDFDict => o instanceof PDFDict);
    const notEmbedded = await broken(press, (doc) => fontsOf(doc).filter((d) => d.get(PDFName.of('Type')) === PDFName.of('FontDescriptor')).forEach((d) => d.delete(PDFName.of('FontFile2'))));
    expect(await checksFailing(notEmbedded)).toEqual(['pdfx-fonts', 'fonts-embedded']);
    const type3 = await broken(press, (doc) => fontsOf(doc).find((d) => d.get(PDFName.of('Subtype')) === PDFName.of('Type0'))!.set(PDFName.of('Subtype'), PDFName.of('Type3')));
    expect((await preflight(type3)).findings[0]).toMatchObject({ check: 'pdfx-fonts', message: expect.stringContaining('Type 3') });
  });

  it('pdfx-xmp: no PDF/X-4 declaration, a title that disagrees with the Info dictionary, no Trapped', async () => {
    expect(await checksFailing(await broken(press, replaceXmp(' pdfxid:GTS_PDFXVersion="PDF/X-4"', '')))).toEqual(['pdfx-xmp']);
    expect(await checksFailing(await broken(press, (doc) => info(doc).set(PDFName.of('Title'), PDFString.of('Another title'))))).toEqual(['pdfx-xmp']);
    expect(await checksFailing(await broken(press, (doc) => info(doc).delete(PDFName.of('Trapped'))))).toEqual(['pdfx-xmp']);
  });

  it('pdfx-annotations: a link on the page', async () => {
    const linked = await broken(press, (doc) => {
      const link = doc.context.register(doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [100, 100, 200, 120] }));
      doc.getPage(1).node.set(PDFName.of('Annots'), doc.context.obj([link]));
    });
    expect((await preflight(linked)).findings).toEqual([{ check: 'pdfx-annotations', page: 2, message: 'a Link annotation on the printed area' }]);
  });
});

describe('preflight of accessibility, for every PDF', () => {
  it('tagged: not marked as tagged', async () => {
    expect(await checksFailing(await broken(screen, (doc) => doc.catalog.delete(PDFName.of('MarkInfo'))))).toEqual(['tagged']);
  });

  it('lang: no /Lang', async () => {
    expect(await checksFailing(await broken(screen, (doc) => doc.catalog.delete(PDFName.of('Lang'))))).toEqual(['lang']);
  });

  it('title: not shown in the title bar; no dc:title in the XMP', async () => {
    expect(await checksFailing(await broken(screen, (doc) => doc.catalog.delete(PDFName.of('ViewerPreferences'))))).toEqual(['title']);
    // Without XMP there is no PDF/UA declaration either.
    expect(await checksFailing(await broken(screen, (doc) => doc.catalog.delete(PDFName.of('Metadata'))))).toEqual(['title', 'pdfua-id']);
  });

  it('figures: a Figure without alternative text', async () => {
    const figure = await broken(screen, (doc) => {
      const document = structElements(doc).find((e) => e.get(PDFName.of('S')) === PDFName.of('Document'))!;
      const element = doc.context.register(doc.context.obj({ Type: 'StructElem', S: 'Figure', P: doc.context.getObjectRef(document)! }));
      const kids = document.get(PDFName.of('K'));
      document.set(PDFName.of('K'), doc.context.obj([...(kids instanceof PDFArray ? kids.asArray() : [kids!]), element]));
    });
    expect((await preflight(figure)).findings).toEqual([{ check: 'figures', message: '1 Figure without alternative text' }]);
  });

  it('pdfua-id: no PDF/UA-1 declaration in the XMP', async () => {
    expect(await checksFailing(await broken(screen, replaceXmp('pdfuaid:part="1"', '')))).toEqual(['pdfua-id']);
    expect(await checksFailing(await broken(press, replaceXmp('pdfuaid:part="1"', 'pdfuaid:part="2"')))).toEqual(['pdfua-id']);
  });

  it('structure-types: a type neither standard nor role-mapped; role-mapped, it passes', async () => {
    const custom = (roleMap: boolean) => (doc: PDFDocument) => {
      ofType(doc, 'P')[0]!.set(PDFName.of('S'), PDFName.of('Callout'));
      if (roleMap) doc.context.lookup(doc.catalog.get(PDFName.of('StructTreeRoot')), PDFDict).set(PDFName.of('RoleMap'), doc.context.obj({ Callout: 'P' }));
    };
    expect((await preflight(await broken(screen, custom(false)))).findings).toEqual([
      { check: 'structure-types', message: 'structure type Callout is neither standard nor role-mapped to a standard type' },
    ]);
    expect(await checksFailing(await broken(screen, custom(true)))).toEqual([]);
  });

  it('lists-tables: a list item that is not an LI, a table without header cells', async () => {
    const notItem = await broken(screen, (doc) => ofType(doc, 'LI')[0]!.set(PDFName.of('S'), PDFName.of('P')));
    expect((await preflight(notItem)).findings).toEqual([{ check: 'lists-tables', message: 'L holds P' }]);
    // The first list made a table: L -> Table, LI -> TR, their content -> TD; then one cell a TH.
    const asTable = (header: boolean) => (doc: PDFDocument) => {
      const list = ofType(doc, 'L')[0]!;
      list.set(PDFName.of('S'), PDFName.of('Table'));
      const cells = structElements(doc).filter((e) => {
        const parent = e.get(PDFName.of('P'));
        return parent instanceof PDFRef && doc.context.lookup(parent) === list;
      });
      for (const row of cells) row.set(PDFName.of('S'), PDFName.of('TR'));
      const rowRefs = new Set(cells.map((row) => doc.context.getObjectRef(row)));
      const data = structElements(doc).filter((e) => rowRefs.has(e.get(PDFName.of('P')) as PDFRef));
      data.forEach((cell, index) => cell.set(PDFName.of('S'), PDFName.of(header && index === 0 ? 'TH' : 'TD')));
    };
    expect((await preflight(await broken(screen, asTable(false)))).findings).toEqual([{ check: 'lists-tables', message: 'a Table without header cells (TH)' }]);
    expect(await checksFailing(await broken(screen, asTable(true)))).toEqual([]);
  });

  it('marked-content: a path painted outside marked content; wrapped as an artifact, it passes', async () => {
    expect((await preflight(await broken(screen, (doc) => paintOnPage(doc, '0 0 10 10 re f'))))).toEqual({
      press: false,
      findings: [{ check: 'marked-content', page: 1, message: '1 painting object outside marked content, neither tagged nor an artifact' }],
    });
    expect(await checksFailing(await broken(screen, (doc) => paintOnPage(doc, '/Artifact BMC 0 0 10 10 re f EMC')))).toEqual([]);
  });

  it('unicode: a font without its ToUnicode CMap', async () => {
    const unmapped = await broken(screen, (doc) => dicts(doc).find((d) => d.get(PDFName.of('Subtype')) === PDFName.of('Type0'))!.delete(PDFName.of('ToUnicode')));
    const { findings } = await preflight(unmapped);
    expect(findings.map((f) => f.check)).toEqual(['unicode', 'unicode']);
    expect(findings[0]?.message).toMatch(/^\d+ character codes of [A-Z]{6}\+SourceSans3-\w+ without a Unicode mapping$/);
  });

  it('fonts-embedded: a font whose program is left out', async () => {
    const notEmbedded = await broken(screen, (doc) => dicts(doc).find((d) => d.has(PDFName.of('FontFile2')))!.delete(PDFName.of('FontFile2')));
    expect(await checksFailing(notEmbedded)).toEqual(['fonts-embedded']);
  });

  it('subset-tags: two different font programs under one name', async () => {
    const sameName = await broken(screen, (doc) => {
      const descriptors = dicts(doc).filter((d) => d.get(PDFName.of('Type')) === PDFName.of('FontDescriptor'));
      const name = descriptors[0]!.get(PDFName.of('FontName'))!;
      descriptors[1]!.set(PDFName.of('FontName'), name);
    });
    expect((await preflight(sameName)).findings).toEqual([{ check: 'subset-tags', message: expect.stringMatching(/^[A-Z]{6}\+SourceSans3-\w+ names 2 different font programs$/) }]);
  });

  it('headings: a level skipped', async () => {
    const skipped = await broken(screen, (doc) => structElements(doc).find((e) => e.get(PDFName.of('S')) === PDFName.of('H2'))!.set(PDFName.of('S'), PDFName.of('H3')));
    expect((await preflight(skipped)).findings).toEqual([{ check: 'headings', message: 'H3 follows H1: a heading level is skipped' }]);
  });
});

describe('ocindex preflight', () => {
  it('prints one line per finding with its page, exit 1; ok files exit 0; json on request', async () => {
    const good = join(out, 'azerbaijan.press.pdf');
    const ok = await runCli('preflight', good, join(out, 'azerbaijan.pdf'));
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('azerbaijan.press.pdf  ok (PDF/X-4 and accessibility checks)');
    const bad = join(out, 'bad.press.pdf');
    writeFileSync(bad, await broken(press, (doc) => doc.getPage(1).node.delete(PDFName.of('TrimBox'))));
    const human = await runCli('preflight', bad);
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/bad\.press\.pdf: page 2 {2}error {2}no TrimBox {2}pdfx-boxes\n1 file checked: 1 error\n$/);
    const json = JSON.parse((await runCli('preflight', bad, good, '--format', 'json')).stdout);
    expect(json.errors).toBe(1);
    expect(json.findings).toEqual([{ file: expect.stringMatching(/bad\.press\.pdf$/), page: 2, check: 'pdfx-boxes', message: 'no TrimBox' }]);
  });

  it('checks a file named .press.pdf as a press file even if it claims nothing, and reports an unreadable file (exit 2) without hiding the others', async () => {
    const plain = join(out, 'plain.press.pdf');
    writeFileSync(plain, screen);
    const notPdf = join(out, 'notes.pdf');
    writeFileSync(notPdf, 'not a pdf');
    const result = await runCli('preflight', plain, notPdf);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('plain.press.pdf: page 1  error  no TrimBox  pdfx-boxes');
    expect(result.stdout).toMatch(/notes\.pdf {2}error {2}not a readable PDF/);
  });
});
