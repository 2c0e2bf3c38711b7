import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Edition } from '../edition/edition.js';
import { loadEditions } from '../edition/load.js';
import { inlineAssets } from '../html/assets.js';
import { renderHtml } from '../html/html.js';
import { fillTemplate } from '../html/template.js';
import { profileView } from './view-model.js';
import { validateSources } from '../validate/validate.js';
import { azerbaijan2021, editions, projectRoot, readContent, tempFolder } from '../testing/support.js';
import { EditionError } from '../errors.js';

const templates = join(projectRoot, 'templates');
// The change sections compare_with adds to the templates; without them, the templates as they were.
const changeSections = /\{\{#((?:\w+\.)?change)\}\}.*?\{\{\/\1\}\}/g;

/** The profile printed by the templates with every change section taken out: the code path before compare_with. */
function htmlWithoutChanges(entry: Parameters<typeof renderHtml>[0]): string {
  const read = (name: string) => readFileSync(join(templates, name), 'utf8').replace(changeSections, '');
  const partials = Object.fromEntries(readdirSync(templates).filter((n) => n.endsWith('.html') && n !== 'profile.html').map((n) => [basename(n, '.html'), read(n)]));
  const stylesheet = inlineAssets(readFileSync(join(templates, 'profile.css'), 'utf8'), join(templates, 'profile.css'));
  return fillTemplate(read('profile.html'), { ...profileView(entry), stylesheet, press: false }, partials, 'profile.html');
}

/** Azerbaijan 2021 and 2023 validated together, goci-2023 comparing with goci-2021 when asked. */
function azerbaijan2023(compareWith?: string) {
  const goci2023 = editions.get('goci-2023') as Edition;
  const map = new Map(editions);
  if (compareWith) map.set('goci-2023', { ...goci2023, compareWith });
  const sources = [
    { path: 'content/goci-2021/azerbaijan.md', bytes: Buffer.from(azerbaijan2021) },
    { path: 'content/goci-2023/azerbaijan.md', bytes: Buffer.from(readContent('goci-2023/azerbaijan.md')) },
  ];
  return validateSources(sources, map).valid.find((v) => v.edition.id === 'goci-2023')!;
}

describe('compare_with in an edition', () => {
  it('is off by default: the HTML is what the templates printed before it', () => {
    const [entry2021] = validateSources([{ path: 'content/goci-2021/azerbaijan.md', bytes: Buffer.from(azerbaijan2021) }], editions).valid;
    expect(renderHtml(entry2021!)).toBe(htmlWithoutChanges(entry2021!));
    const entry = azerbaijan2023();
    expect(entry.previous).toBeUndefined();
    expect(renderHtml(entry)).toBe(htmlWithoutChanges(entry));
    expect(renderHtml(entry)).not.toContain('class="change"');
  });

  it('prints an arrow and the signed change beside each score and indicator, nothing beside a new one', () => {
    const entry = azerbaijan2023('goci-2021');
    expect(entry.previous?.edition.id).toBe('goci-2021');
    const html = renderHtml(entry);
    const change = (label: string) => new RegExp(`${label}(?: score)? <span class="change">([^<]*)</span>`).exec(html)?.[1];
    expect(change('Criminality')).toBe('↓ −0.28'); // 5.08 -> 4.80
    expect(change('Resilience')).toBe('↓ −0.12'); // 4.08 -> 3.96
    expect(html).toContain('<span class="group-value">5.50 <span class="change">↓ −0.50</span></span>'); // criminal actors 6.00 -> 5.50
    expect(change('Cocaine trade')).toBe('↓ −1.50');
    expect(change('Synthetic drug trade')).toBe('↑ +1.00');
    expect(change('Human trafficking')).toBe('±0.00');
    expect(change('Extortion and protection racketeering')).toBeUndefined();
    expect(html).toContain('<th scope="row" class="bar-label">Extortion and protection racketeering</th>');
  });

  it('can be switched on for 2025 against 2023: every indicator has a change, the five 2023 added included', () => {
    const goci2025 = editions.get('goci-2025') as Edition;
    const map = new Map(editions).set('goci-2025', { ...goci2025, compareWith: 'goci-2023' });
    const sources = ['goci-2023/kiribati.md', 'goci-2025/kiribati.md'].map((path) => ({ path: `content/${path}`, bytes: Buffer.from(readContent(path)) }));
    const entry = validateSources(sources, map).valid.find((v) => v.edition.id === 'goci-2025')!;
    expect(entry.previous?.edition.id).toBe('goci-2023');
    const html = renderHtml(entry);
    const change = (label: string) => new RegExp(`${label}(?: score)? <span class="change">([^<]*)</span>`).exec(html)?.[1];
    expect(change('Criminality')).toBe('↓ −0.12'); // 2.45 -> 2.33 in the datasets
    expect(change('Resilience')).toBe('↑ +0.13'); // 4.33 -> 4.46
    expect(change('Extortion and protection racketeering')).toBe('↓ −1.00'); // 2.5 -> 1.5
    expect(html.match(/class="bar-label">[^<]*<span class="change">/g)).toHaveLength(15 + 5 + 12 + 2); // every indicator's bar and the two groups'
    expect(html.match(/class="bar-label">[^<]*<\/(span|th)>/g)).toBeNull(); // none without a change
  });

  it('must name a known edition', () => {
    const folder = tempFolder();
    mkdirSync(join(folder, 'extra'));
    const source = readFileSync(join(projectRoot, 'editions', 'goci-2023.yaml'), 'utf8').replace('id: goci-2023', 'id: goci-2027\ncompare_with: goci-2024');
    writeFileSync(join(folder, 'extra', 'goci-2027.yaml'), source);
    expect(() => loadEditions([join(folder, 'extra')])).toThrow(new EditionError("edition goci-2027: compare_with 'goci-2024' is not a known edition; the editions are goci-2021, goci-2023, goci-2025, goci-2027"));
  });
});
