import { describe, expect, it } from 'vitest';
import { renderHtml } from './html.js';
import { azerbaijan2021, azerbaijan2021French, readContent, replaceOnce } from '../testing/support.js';
import { seed, validProfile, validTranslation, withStatus } from '../testing/fixtures.js';

const azerbaijan = validProfile(azerbaijan2021);
const html = renderHtml(azerbaijan);

/** Text of the first element with this class, tags stripped. */
function textOf(document: string, className: string): string[] {
  return [...document.matchAll(new RegExp(`class="${className}"[^>]*>([\\s\\S]*?)</`, 'g'))].map((m) => (m[1] as string).trim());
}

describe('renderHtml on the published Azerbaijan 2021 profile', () => {
  it('prints every indicator of the edition as a table row, its label a row header and its two-decimal value a cell, beside a labelled SVG bar hidden from the tags', () => {
    const { edition, data } = azerbaijan;
    const groups = [...edition.criminality.groups.map((g) => ({ g, values: (data.criminality[g.key] as { indicators: Record<string, number> }).indicators })), { g: edition.resilience, values: data.resilience.indicators }];
    let count = 0;
    for (const { g, values } of groups) {
      for (const indicator of g.indicators) {
        const value = (values[indicator.key] as number).toFixed(2);
        const row = new RegExp(`<th scope="row" class="bar-label">${indicator.label}</th>\\s*<td aria-hidden="true"><svg[^>]*role="img" aria-label="${indicator.label}: ${value} of 10"[\\s\\S]*?</svg></td>\\s*<td class="bar-value">${value}</td>`);
        expect(html, indicator.label).toMatch(row);
        count++;
      }
    }
    expect(count).toBe(26);
    expect(html.match(/<svg /g)).toHaveLength(26 + 2);
  });

  it('prints the composite scores with two decimals, as the seed does', () => {
    for (const printed of ['5.08', '4.15', '6.00', '4.08']) expect(seed).toContain(printed);
    expect(textOf(html, 'score-value')).toEqual(['5.08', '4.08', '4.08', '5.08']);
    expect(textOf(html, 'group-value')).toEqual(['4.15', '6.00']);
    expect(html).toMatch(/aria-label="Criminal markets: 4.15 of 10"/);
    expect(html).toMatch(/aria-label="Criminal actors: 6.00 of 10"/);
  });

  it('prints every rank line of the seed, worded as the seed words them', () => {
    const seedRanks = seed.match(/^\d+(st|nd|rd|th) of \d+ .*countries$/gm) ?? [];
    expect(seedRanks).toHaveLength(12);
    for (const line of seedRanks) expect(html).toContain(`<li>${line}</li>`);
    expect(textOf(html, 'score-label')).toEqual(['Criminality score', 'Resilience score', 'Resilience score', 'Criminality score']);
  });

  it('draws each bar on the 1-to-10 scale', () => {
    expect(html).toMatch(/aria-label="State-embedded actors: 7.50 of 10"><rect class="bar-track" width="90" height="4"\/><rect class="bar-fill" width="65.0"/);
    expect(html).toMatch(/aria-label="Judicial system and detention: 2.50 of 10"><rect class="bar-track" width="90" height="4"\/><rect class="bar-fill" width="15.0"/);
  });

  it('is one standalone document: stylesheet and fonts inlined, no external reference', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/\b(src|href)=|<link|<script|@import|https?:|file:/i);
    const urls = [...html.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1] as string);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toMatch(/^"data:font\/woff;base64,/);
    expect(html).toContain("font-synthesis: none");
  });

  it('has the language of the edition, or of the profile when it sets one', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\s*<html lang="en">/);
    const french = renderHtml(validTranslation(azerbaijan2021French));
    expect(french).toMatch(/<html lang="fr">/);
    expect(french).toContain('<title>Azerbaïdjan – Indice mondial du crime organisé 2021</title>');
    expect(french).toContain('<span class="score-label">Score de criminalité</span>');
  });

  it('structures the text with real headings: country h1, narrative h2, its sections h3 and h4', () => {
    expect(html.match(/<h1[^>]*>[^<]*<\/h1>/g)).toEqual(['<h1 class="country">Azerbaijan</h1>']);
    expect(html.match(/<h2[^>]*>[^<]*<\/h2>/g)).toEqual(['<h2 class="narrative-title">Criminality</h2>', '<h2 class="narrative-title">Resilience</h2>']);
    expect(html.match(/<h3>[^<]*<\/h3>/g)).toEqual([
      '<h3>Criminal markets</h3>',
      '<h3>Criminal actors</h3>',
      '<h3>Leadership and governance</h3>',
      '<h3>Criminal justice and security</h3>',
      '<h3>Economic and financial environment</h3>',
      '<h3>Civil society and social protection</h3>',
    ]);
    expect(html.match(/<h4>[^<]*<\/h4>/g)).toEqual(['<h4>People</h4>', '<h4>Trade</h4>', '<h4>Environment</h4>', '<h4>Drugs</h4>']);
  });

  it('puts the criminality narrative on page 1, the resilience narrative then the funding statement on page 2, the footer on both', () => {
    // As read: the soft hyphens of the hyphenation left out.
    const [page1 = '', page2 = ''] = html.replaceAll('\u00AD', '').split('<section class="page ').slice(1);
    expect(page1).toContain('Human trafficking in Azerbaijan generally takes the form');
    expect(page1).not.toContain('mountainous terrain');
    expect(page2).toContain('Azerbaijan’s mountainous terrain');
    const end = page2.indexOf('activists are also harassed, intimidated and detained.');
    const funding = page2.indexOf('<p class="funding">This summary was funded in part by a grant from the United States Department of State.');
    expect(end).toBeGreaterThan(0);
    expect(funding).toBeGreaterThan(end);
    for (const page of [page1, page2]) {
      expect(page).toContain('<p>Funding provided by the United States Government.</p>');
      expect(page).toContain('<p>ENACT is funded by the European Union and implemented by the Institute for Security Studies and INTERPOL, in affiliation with the Global Initiative Against Transnational Organized Crime.</p>');
    }
    expect(page1).not.toContain('class="funding"');
  });
});

describe('rank lines', () => {
  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [22, '22nd'],
    [23, '23rd'],
    [101, '101st'],
    [111, '111th'],
    [112, '112th'],
    [113, '113th'],
    [193, '193rd'],
  ])('rank %i prints as "%s of 193 countries"', (rank, printed) => {
    const text = replaceOnce(azerbaijan2021, 'rank: { global: 83,', `rank: { global: ${rank},`);
    expect(renderHtml(validProfile(text))).toContain(`<li>${printed} of 193 countries</li>`);
  });
});

describe('watermark', () => {
  const watermarks = (document: string) => document.match(/<div class="watermark" aria-hidden="true">[^<]*<\/div>/g) ?? [];

  it('marks both pages of a draft', () => {
    const armenia = renderHtml(validProfile(readContent('goci-2021/armenia.md'), 'content/goci-2021/armenia.md'));
    expect(watermarks(armenia)).toEqual(Array(2).fill('<div class="watermark" aria-hidden="true">draft</div>'));
  });

  it('marks both pages of a profile under review', () => {
    expect(watermarks(renderHtml(validProfile(withStatus(azerbaijan2021, 'review'))))).toEqual(Array(2).fill('<div class="watermark" aria-hidden="true">review</div>'));
  });

  it('leaves a final profile unmarked', () => {
    expect(watermarks(html)).toEqual([]);
    expect(html.includes('class="watermark"')).toBe(false);
  });

  it('can be set or removed by the caller', () => {
    expect(watermarks(renderHtml(azerbaijan, { watermark: 'Specimen' }))).toEqual(Array(2).fill('<div class="watermark" aria-hidden="true">Specimen</div>'));
    expect(watermarks(renderHtml(validProfile(withStatus(azerbaijan2021, 'draft')), { watermark: false }))).toEqual([]);
  });
});

describe('edition data drives the layout', () => {
  it("prints a 2023 draft's 15 markets and 5 actors, labels and order from its edition, with no narrative", () => {
    const entry = validProfile(readContent('goci-2023/afghanistan.md'), 'content/goci-2023/afghanistan.md');
    const document = renderHtml(entry);
    const labels = textOf(document, 'bar-label');
    const expected = [...entry.edition.criminality.groups.flatMap((g) => g.indicators), ...entry.edition.resilience.indicators].map((i) => i.label);
    expect(expected).toHaveLength(15 + 5 + 12);
    expect(labels).toEqual([...expected, ...entry.edition.criminality.groups.map((g) => g.label)]);
    expect(document).toContain('Global Organized Crime Index 2023');
    expect(document).not.toMatch(/<h[34]>/);
  });
});
