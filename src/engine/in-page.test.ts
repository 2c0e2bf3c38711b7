import { describe, expect, it } from 'vitest';
import { warmPageSession } from '../testing/warm-page.js';
import { inSequence } from './in-page.js';

const session = warmPageSession();

describe('inSequence', () => {
  it('runs in-page functions in one call, in order, each with its own arguments, awaiting each', async () => {
    const sequence = inSequence(
      (title: string) => void (document.title = title),
      // The page's own scripts are off (no timers fire); a promise still settles.
      async (suffix: string) => (await Promise.resolve(document.title)) + suffix,
      () => document.title.length,
    );
    // Results come back as JSON: a part's undefined as null.
    expect(await session.page.evaluate(sequence, ['warm'], ['-page'], [])).toEqual([null, 'warm-page', 4]);
  });

  it('ends at a part that resolves to false: the parts after it do not run', async () => {
    const sequence = inSequence(
      () => false,
      () => void (document.title = 'ran'),
    );
    await session.page.evaluate(() => void (document.title = 'before'));
    expect(await session.page.evaluate(sequence, [], [])).toEqual([false]);
    expect(await session.page.evaluate(() => document.title)).toBe('before');
  });
});
