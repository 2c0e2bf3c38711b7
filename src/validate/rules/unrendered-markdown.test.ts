import { describe, expect, it } from 'vitest';
import { azerbaijan2021, checkOne, replaceOnce } from '../../testing/support.js';
import { placeOf } from '../../testing/prose.js';

const messagesOf = (text: string) => checkOne(text).filter((m) => m.ruleId === 'unrendered-markdown');
const paragraph = 'Flora crimes are, for';

describe('unrendered-markdown rule', () => {
  it('passes the published profile', () => {
    expect(messagesOf(azerbaijan2021)).toEqual([]);
  });

  it('finds a table, a footnote mark and its note, an image and raw HTML, each at its place; errors at final, warnings in a draft', () => {
    const text = replaceOnce(
      azerbaijan2021,
      paragraph,
      `| Year | Score |\n| --- | --- |\n| 2021 | 5.08 |\n\nA claim[^1] here.\n\n[^1]: The source.\n\n![A chart](chart.png)\n\n<div>raw</div>\n\n${paragraph}`,
    );
    expect(messagesOf(text).map((m) => [m.line, m.column, m.severity, m.message.split(' (')[0]])).toEqual([
      [placeOf(text, '| Year').line, 1, 'error', 'a table prints as raw Markdown'],
      [placeOf(text, '[^1] here').line, placeOf(text, '[^1] here').column, 'error', 'the footnote mark [^1] prints as written'],
      [placeOf(text, '[^1]: The').line, 1, 'error', 'the footnote mark [^1] prints as written'],
      [placeOf(text, '![A chart]').line, 1, 'error', 'an image is left out of the print'],
      [placeOf(text, '<div>').line, 1, 'error', 'raw HTML is left out of the print; write the text as Markdown'],
    ]);
    expect(messagesOf(replaceOnce(text, 'status: final', 'status: draft')).map((m) => m.severity)).toEqual(['warning', 'warning', 'warning', 'warning', 'warning']);
  });
});
