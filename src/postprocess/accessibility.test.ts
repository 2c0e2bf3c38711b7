import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../html/html.js';
import { pressOptions } from './press/index.js';
import { renderBatch } from '../render/batch.js';
import { validProfile } from '../testing/fixtures.js';
import { actualTexts, firstMissing, markdownWords, mupdfText, popplerStructure, structureWords, unmarkedPainting, words, type StructLine } from '../testing/outsider.js';
import { temporaryFolders } from '../testing/press-fixtures.js';
import { azerbaijan2021, readContent } from '../testing/support.js';
import { profileView } from '../view/view-model.js';

/**
 * The printed profiles read as outsiders read them (poppler, mupdf): the seed profile's screen and
 * press files, and a 2023 draft (no narrative yet, a watermark).
 */
const folders = temporaryFolders();
afterAll(folders.removeAll);

const draftPath = 'content/goci-2023/azerbaijan.md';
const draft2023 = readContent('goci-2023/azerbaijan.md');
let files: { screen: string; press: string; draft: string };

beforeAll(async () => {
  const out = folders.make();
  files = { screen: join(out, 'seed.pdf'), press: join(out, 'seed.press.pdf'), draft: join(out, 'draft.pdf') };
  const outcomes = await renderBatch(
    [
      { entry: validProfile(azerbaijan2021), pdfPath: files.screen, pressPath: files.press },
      { entry: validProfile(draft2023, draftPath), pdfPath: files.draft },
    ],
    { layout: { renderHtml }, press: pressOptions() },
  );
  expect(outcomes.map((o) => o.status)).toEqual(['written', 'written']);
});

/** The panel's words as the template prints them, page by page: each score, label, rank line and indicator with its value. */
function panelWords(markdown: string, path?: string): string[] {
  const view = profileView(validProfile(markdown, path));
  return view.pages.flatMap((page) => [
    ...words(`${page.headline.value} ${page.headline.label} score ${page.headline.ranks.join(' ')}`),
    ...page.groups.flatMap((group) => words(`${group.label ?? ''} ${group.value ?? ''} ${group.bars.map((bar) => `${bar.label} ${bar.value}`).join(' ')}`)),
    ...words(`${page.summary.value} ${page.summary.label} score ${page.summary.ranks.join(' ')} ${page.summary.bars.map((bar) => `${bar.label} ${bar.value}`).join(' ')}`),
  ]);
}

describe('the structure tree as poppler reads it (pdfinfo -struct-text)', () => {
  it('holds the words of the Markdown narrative, in order and nothing between them, in the screen and the press file', () => {
    // The narrative, then the funding line the page prints at its end.
    const funding = profileView(validProfile(azerbaijan2021)).pages.map((page) => page.narrative.funding ?? '');
    const expected = [...markdownWords(azerbaijan2021), ...words(funding.join(' '))];
    expect(expected.length).toBeGreaterThan(1500);
    for (const file of [files.screen, files.press]) {
      // The narrative is the Art element of each page: its title (H2), headings and paragraphs.
      expect(structureWords(popplerStructure(file), 'Art')).toEqual(expected);
    }
  });

  it('keeps real hyphens and joins the words a line end hyphenates', () => {
    const tags = structureWords(popplerStructure(files.screen));
    expect(tags).toContain('nagorno-karabakh');
    expect(tags.filter((word) => word === 'victimized')).toHaveLength(2);
    expect(tags.some((word) => /-$/.test(word) || word === 'victim-ized')).toBe(false);
  });

  it('holds every score of the panel with its label, in the order printed, for the seed and the 2023 draft', () => {
    expect(firstMissing(panelWords(azerbaijan2021), structureWords(popplerStructure(files.screen)))).toBeUndefined();
    const draftPanel = panelWords(draft2023, draftPath);
    expect(draftPanel.length).toBeGreaterThan(100);
    expect(firstMissing(draftPanel, structureWords(popplerStructure(files.draft)))).toBeUndefined();
  });

  it('pairs each indicator with its value: a table row, the label a row header (TH, Scope Row), the value a cell', () => {
    const rows: { th: string[]; td: string[] }[] = [];
    let cell: { kind: 'th' | 'td'; depth: number } | undefined;
    for (const line of popplerStructure(files.screen)) {
      if (cell && line.depth <= cell.depth) cell = undefined;
      if (line.type === 'TR') rows.push({ th: [], td: [] });
      else if (line.type === 'TH' || line.type === 'TD') cell = { kind: line.type === 'TH' ? 'th' : 'td', depth: line.depth };
      else if (line.text !== undefined && cell) rows.at(-1)![cell.kind].push(line.text);
    }
    const view = profileView(validProfile(azerbaijan2021));
    const bars = view.pages.flatMap((page) => [...page.groups.flatMap((group) => group.bars), ...page.summary.bars]);
    expect(rows.map((row) => [words(row.th.join(' ')).join(' '), row.td.join(' ')])).toEqual(bars.map((bar) => [words(bar.label).join(' '), bar.value]));
    expect(rows).toHaveLength(28);
    expect(execFileSync('pdfinfo', ['-struct-text', files.screen], { encoding: 'utf8' }).match(/\/Scope \/Row/g)).toHaveLength(28);
  });

  it('groups a score with its label and rank lines, and a group label with its score and table', () => {
    const lines = popplerStructure(files.screen);
    /** The texts under the element two levels above the content `text` (its element's parent). */
    const unitOf = (text: string) => {
      const at = lines.findIndex((line) => line.text === text);
      expect(at, text).toBeGreaterThan(0);
      const depth = lines[at]!.depth - 2;
      let start = at;
      while (start > 0 && lines[start]!.depth > depth) start -= 1;
      const unit: StructLine[] = [];
      for (let i = start + 1; i < lines.length && lines[i]!.depth > depth; i += 1) unit.push(lines[i]!);
      return { type: lines[start]!.type, texts: unit.flatMap((line) => (line.text === undefined ? [] : [line.text])), tables: unit.filter((line) => line.type === 'Table').length };
    };
    const headline = unitOf('5.08');
    expect(headline.texts).toEqual(['5.08', 'CRIMINALITY SCORE', '83rd of 193 countries', '26th of 46 Asian countries', '3rd of 8 Central Asian and Caucasian countries']);
    const markets = unitOf('CRIMINAL MARKETS');
    expect(markets.texts.slice(0, 4)).toEqual(['CRIMINAL MARKETS', '4.15', 'HUMAN TRAFFICKING', '4.50']);
    expect(markets.tables).toBe(1);
  });

  it('has the footer once, and no empty marked content for decoration', () => {
    const lines = popplerStructure(files.screen);
    expect(lines.filter((line) => line.text === '')).toEqual([]);
    const footer = profileView(validProfile(azerbaijan2021)).footer;
    for (const line of footer) expect(lines.filter((l) => l.text === line)).toHaveLength(1);
  });
});

describe("the source's letter case where the design shows capitals", () => {
  it('is the ActualText of every tagged text set in capitals (mutool show), in the screen and the press file', () => {
    for (const file of [files.screen, files.press]) {
      const capitals = popplerStructure(file).flatMap((line) => (line.text && /\p{Lu}/u.test(line.text) && line.text === line.text.toUpperCase() ? [line.text] : []));
      const replacements = actualTexts(file);
      expect(capitals.length).toBeGreaterThan(40);
      expect(replacements.map((text) => text.toUpperCase()).sort()).toEqual(capitals.map((text) => text.replace(/\s+/g, ' ')).sort());
      expect(replacements).toContain('Criminal markets');
      expect(replacements).toContain('Global Initiative Against Transnational Organized Crime');
    }
  });
});

describe('the bookmarks, as pdf.js reads them', () => {
  it('keep the space where a heading wraps, and give the source\'s letter case', async () => {
    const doc = await getDocument({ data: new Uint8Array(readFileSync(files.screen)), verbosity: 0 }).promise;
    type Item = { title: string; items: Item[] };
    const titles = (items: Item[]): string[] => items.flatMap((item) => [item.title, ...titles(item.items)]);
    const all = titles((await doc.getOutline()) as Item[]);
    await doc.destroy();
    expect(all).toContain('Economic and financial environment');
    expect(all.filter((title) => title === title.toUpperCase())).toEqual([]);
  });
});

describe('what mupdf reads', () => {
  it('paints nothing outside marked content on any page of the screen, press and draft file (mutool trace)', () => {
    for (const file of Object.values(files)) expect(unmarkedPainting(file)).toEqual([0, 0]);
  });

  it('splits no word at a ligature (mutool draw -F txt): every narrative word with ff, fi or fl reads whole', () => {
    // A line that ends in U+00AD continues the word on the next line: that is what the soft hyphen says.
    const read = new Set(words(mupdfText(files.screen).replace(/\u00AD\n/g, '')));
    const ligatureWords = [...new Set(markdownWords(azerbaijan2021).filter((word) => /f[fil]/.test(word)))];
    expect(ligatureWords).toContain('trafficking');
    expect(ligatureWords.filter((word) => !read.has(word))).toEqual([]);
    expect(mupdfText(files.screen)).not.toMatch(/\bf+ [a-z]/);
  });
});

describe('what the draft tells assistive technology', () => {
  it('says it is a draft in its title, which the viewer shows', () => {
    const info = execFileSync('pdfinfo', [files.draft], { encoding: 'utf8' });
    expect(info).toMatch(/^Title: +Azerbaijan \| Global Organized Crime Index 2023 \(draft\)$/m);
  });
});
