import { describe, expect, it } from 'vitest';
import { renderHtml } from '../html/html.js';
import { validProfile } from '../testing/fixtures.js';
import { azerbaijan2021, readContent } from '../testing/support.js';
import { sameStyles, splitDocument } from './document.js';

describe('splitDocument', () => {
  it("splits a profile's HTML into its stylesheet and a light rest; two profiles share the stylesheet", () => {
    const html = renderHtml(validProfile(azerbaijan2021));
    const other = renderHtml(validProfile(readContent('goci-2023/albania.md'), 'content/goci-2023/albania.md'));
    const a = splitDocument(html);
    const b = splitDocument(other);
    expect(a?.styles).toHaveLength(1);
    expect(a?.styles[0]).toContain('@font-face');
    expect(a?.light).toContain('<style></style>');
    expect(a?.light).toContain('<title>Azerbaijan – Global Organized Crime Index 2021</title>');
    // The fonts are nearly all of the bytes: what a warm page saves.
    expect((a?.light.length ?? 0) * 5).toBeLessThan(html.length);
    expect(sameStyles(a?.styles, b?.styles ?? [])).toBe(true);
    expect(sameStyles(a?.styles, [`${a?.styles[0]} `])).toBe(false);
    expect(sameStyles(undefined, b?.styles ?? [])).toBe(false);
  });

  it('refuses a document with a <style> in its body: the swap would replace it', () => {
    expect(splitDocument('<html><head><style>p{}</style></head><body><style>a{}</style></body></html>')).toBeUndefined();
    expect(splitDocument('<html><head><style media="print">p{}</STYLE ></head><body><p>x</p></body></html>')).toEqual({
      styles: ['p{}'],
      light: '<html><head><style media="print"></STYLE ></head><body><p>x</p></body></html>',
    });
  });
});
