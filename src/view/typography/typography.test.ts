import { readFileSync } from 'node:fs';
import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { hyphenateText, softHyphen } from './hyphenate.js';
import { languageStyle } from './language.js';
import { smartenChars, smartenPieces, smartenText } from './quotes.js';
import { typeset } from './typeset.js';
import { publishedSeedPath } from '../../testing/support.js';

const en = languageStyle('en')!;
const seed = readFileSync(publishedSeedPath, 'utf8');

describe('language styles (languages/*.yaml)', () => {
  it('finds a tag, then its language, and knows when it knows neither', () => {
    expect(languageStyle('en')?.quotes.double).toEqual(['“', '”']);
    expect(languageStyle('en-GB')?.hyphenation).toMatchObject({ patterns: 'en-gb' });
    expect(languageStyle('de-AT')?.quotes.double).toEqual(['„', '“']);
    expect(languageStyle('xx')).toBeNull();
    expect(languageStyle('../en')).toBeNull();
  });
});

describe('quotes, apostrophes and dashes', () => {
  it('decides quotes over the pieces of a paragraph and gives back as many pieces', () => {
    const pieces = ['so-called "', 'envelope salaries', '" in Azerbaijan\'s ministries'];
    expect(smartenPieces(pieces, en)).toEqual(['so-called “', 'envelope salaries', '” in Azerbaijan’s ministries']);
  });

  it('sets dashes and ellipses as the language file says', () => {
    expect(smartenText('2019--2020 --- and more...', en)).toBe('2019–2020 — and more…');
  });

  it('uses the quotes of the language', () => {
    expect(smartenText('"Sicherheit" und \'Recht\'', languageStyle('de'))).toBe('„Sicherheit“ und ‚Recht‘');
    expect(smartenText('"sécurité"', languageStyle('fr'))).toBe('«\u202Fsécurité\u202F»');
    expect(smartenText('"as written"', null)).toBe('"as written"');
  });

  it("sets French spacing, typed or not, and a word's apostrophe as ’ in every language", () => {
    const fr = languageStyle('fr');
    expect(smartenText("l'Azerbaïdjan : « port »; pourquoi? Oui !", fr)).toBe('l’Azerbaïdjan\u202F: «\u202Fport\u202F»\u202F; pourquoi\u202F? Oui\u202F!');
    // Times and addresses keep their colon; English keeps its spacing.
    expect(smartenText('à 10:30, https://example.org', fr)).toBe('à 10:30, https://example.org');
    expect(smartenText("the country's borders: why?", en)).toBe('the country’s borders: why?');
  });

  it('decides each mark from a few words around it exactly as over the whole text', () => {
    const tricky = ['"Quoted," she said -- \'twas the \'90s... "end"', "rock 'n' roll, the '20s, ``old'' style --- and 1--2", '"a" "b" \'c\' "d\'s"'];
    const markdown = readFileSync(new URL('../../../content/goci-2021/azerbaijan.md', import.meta.url), 'utf8');
    for (const text of [seed, markdown, ...tricky]) expect(smartenPieces([text], en).join('')).toBe(smartenChars(text, en).join(''));
  });

  it('leaves no straight quote in the published Azerbaijan text and loses no letter', () => {
    const smart = smartenText(seed, en);
    expect(smart).not.toMatch(/["']/);
    expect(smart.replace(/[“”‘’]/g, '')).toBe(seed.replace(/["'“”‘’]/g, ''));
    expect(smart).toContain('Azerbaijan’s');
  });
});

describe('hyphenation', () => {
  const marked = (text: string) => hyphenateText(text, en).replaceAll(softHyphen, '|');

  it('breaks long lower-case words at the patterns, three letters at least on each side', () => {
    expect(marked('trafficking generally international organizations')).toBe('traf|fick|ing gen|er|ally inter|na|tional orga|ni|za|tions');
  });

  it('leaves short words, capitalised words, names and codes whole', () => {
    expect(marked('Azerbaijan Organizations smuggle NGOs www.organizations.org covid19smuggling')).toBe('Azerbaijan Organizations smug|gle NGOs www.organizations.org covid19smuggling');
  });

  it('changes nothing but soft hyphens, the same way every time', () => {
    const once = hyphenateText(seed, en);
    expect(once.replaceAll(softHyphen, '')).toBe(seed);
    expect(hyphenateText(seed, en)).toBe(once);
    expect(once.split(softHyphen).length).toBeGreaterThan(300);
    for (const w of once.match(/[\p{L}\u00AD]+/gu) ?? []) {
      for (const fragment of w.split(softHyphen).slice(1, -1)) expect(fragment.length).toBeGreaterThan(0);
      if (w.includes(softHyphen)) {
        expect(w.split(softHyphen)[0]!.length).toBeGreaterThanOrEqual(3);
        expect(w.split(softHyphen).at(-1)!.length).toBeGreaterThanOrEqual(3);
      }
    }
  });
});

describe('typeset (the narrative HTML)', () => {
  it('sets paragraphs and list items, never hyphenates headings, and leaves code as written', () => {
    const text = (value: string) => ({ type: 'text' as const, value });
    const element = (tagName: string, children: ReturnType<typeof text>[] | Element[]) => ({ type: 'element' as const, tagName, properties: {}, children }) as Element;
    const tree: Root = {
      type: 'root',
      children: [
        element('h3', [text("Trafficking's organizations")]),
        element('p', [text('so-called "'), element('em', [text('envelope salaries')]) as never, text('" and '), element('code', [text('"raw" --flag')]) as never]),
        element('li', [text('international organizations')]),
      ],
    };
    typeset(tree, en);
    const [h3, p, li] = tree.children as Element[];
    expect((h3?.children[0] as { value: string }).value).toBe('Trafficking’s organizations');
    expect(p?.children.map((c) => (c.type === 'text' ? c.value : (c as Element).children.map((t) => (t as { value: string }).value).join('')))).toEqual(['so-called “', 'enve\u00ADlope salaries', '” and ', '"raw" --flag']);
    expect((li?.children[0] as { value: string }).value).toBe('inter\u00ADna\u00ADtional orga\u00ADni\u00ADza\u00ADtions');
    typeset(tree, null);
  });
});
