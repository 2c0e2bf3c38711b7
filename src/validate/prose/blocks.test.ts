import { describe, expect, it } from 'vitest';
import { azerbaijan2021, checkOne } from '../../testing/support.js';
import { placeOf } from '../../testing/prose.js';

const frontMatter = azerbaijan2021.slice(0, azerbaijan2021.indexOf('\n---', 4) + 5).replace('status: final', 'status: draft');
const published = azerbaijan2021.slice(azerbaijan2021.indexOf('\n---', 4) + 5).split(/\s+/).filter((word) => word !== '' && !word.startsWith('#'));

/** About `bytes` of the published words as one paragraph on one line, within the parser's limits. */
function paragraph(bytes: number): string {
  const words: string[] = [];
  for (let length = 0, index = 0; length < bytes; index += 1) {
    const word = published[index % published.length] as string;
    words.push(word);
    length += word.length + 1;
  }
  return words.join(' ');
}

describe('prose rules on the largest paragraph the limits let through (issue 21, finding 10)', () => {
  it('check a 600 KB paragraph without failing, each finding at its place deep inside it', { timeout: 60_000 }, () => {
    const body = paragraph(300_000);
    const text = `${frontMatter}${body} the the  doubled ${body}\n`;
    const messages = checkOne(text);
    expect(messages.filter((m) => /could not check/.test(m.message))).toEqual([]);
    expect(messages.filter((m) => m.ruleId === 'doubled-spaces')).toEqual([expect.objectContaining(placeOf(text, '  doubled'))]);
    expect(messages.filter((m) => m.ruleId === 'repeated-words').map((m) => m.column)).toContain(placeOf(text, 'the the  doubled').column);
  });
});
