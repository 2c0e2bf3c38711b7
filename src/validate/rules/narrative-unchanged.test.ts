import { describe, expect, it } from 'vitest';
import { azerbaijan2021, check, readContent, replaceOnce } from '../../testing/support.js';

const narrative = azerbaijan2021.slice(azerbaijan2021.indexOf('\n---\n') + 5);
/** A draft of the bundled corpus with the Azerbaijan narrative, at the given status. */
const withNarrative = (draft: string, status: string, text = narrative) => replaceOnce(draft, 'status: draft', `status: ${status}`).trimEnd() + '\n' + text;

const only = (files: Record<string, string>) => check(files).filter((m) => m.ruleId === 'narrative-unchanged');

describe('narrative-unchanged rule', () => {
  // Myanmar's resilience fell from 3.42 (2021) to 1.63 (2023), its criminality rose 0.56.
  const myanmar2021 = withNarrative(readContent('goci-2021/myanmar.md'), 'final');
  const myanmar2023 = readContent('goci-2023/myanmar.md');

  it("warns when a review profile keeps last edition's narrative although a score moved by 1.0 or more", () => {
    const messages = only({ 'content/goci-2021/myanmar.md': myanmar2021, 'content/goci-2023/myanmar.md': withNarrative(myanmar2023, 'review') });
    expect(messages).toEqual([
      expect.objectContaining({
        file: 'content/goci-2023/myanmar.md',
        severity: 'warning',
        message: "the narrative is the same as goci-2021's while resilience moved from 3.42 to 1.63 (-1.79); update the narrative",
      }),
    ]);
  });

  it('says how much is the same when nearly unchanged, and is quiet once it is rewritten or for a draft', () => {
    const edited = replaceOnce(narrative, 'Human trafficking in Azerbaijan generally takes the form', 'In 2023, trafficking in Azerbaijan usually takes the shape');
    const [message] = only({ 'a/goci-2021/myanmar.md': myanmar2021, 'a/goci-2023/myanmar.md': withNarrative(myanmar2023, 'final', edited) });
    expect(message?.message).toMatch(/^the narrative is 99% the same as goci-2021's while resilience moved from 3\.42 to 1\.63/);
    const rewritten = narrative.split(/(?<=\. )/).filter((_, i) => i % 5 !== 0).join('');
    expect(only({ 'a/goci-2021/myanmar.md': myanmar2021, 'a/goci-2023/myanmar.md': withNarrative(myanmar2023, 'final', rewritten) })).toEqual([]);
    expect(only({ 'a/goci-2021/myanmar.md': myanmar2021, 'a/goci-2023/myanmar.md': myanmar2023.trimEnd() + '\n' + narrative })).toEqual([]);
  });

  it('is quiet when no score moved by 1.0 (Azerbaijan: -0.28 and -0.12)', () => {
    const azerbaijan2023 = withNarrative(readContent('goci-2023/azerbaijan.md'), 'final');
    expect(only({ 'a/goci-2021/azerbaijan.md': azerbaijan2021, 'a/goci-2023/azerbaijan.md': azerbaijan2023 })).toEqual([]);
  });
});
