import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus, validate } from '../validate/corpus.js';
import { warmPageSession } from '../testing/warm-page.js';
import { measureFit, type PageFit } from './copy-fit.js';
import { renderHtml } from '../html/html.js';
import { describeOverflow } from './pdf.js';
import type { ValidProfile } from '../profile/valid.js';
import { editions, projectRoot } from '../testing/support.js';
import { lonelyLastWords } from '../testing/lines.js';

const corpus = await loadCorpus([join(projectRoot, 'content')]);
const profiles = validate(corpus).valid;

const session = warmPageSession({ setup: async (warm) => void (await warm.layOut(renderHtml(profiles[0] as ValidProfile))) });

/** Lays out another profile on the warm page, as the renderer does: stylesheet and fonts stay. */
async function show(entry: ValidProfile): Promise<void> {
  await session.warm.layOut(renderHtml(entry));
}

/** Millimetres left below the lowest panel's content, the smallest of both pages. */
async function panelSpareMm(): Promise<number> {
  return session.page.evaluate(() =>
    Math.min(
      ...Array.from(document.querySelectorAll('[data-fit-panel]')).map((panel) => {
        const children = Array.from(panel.children).map((c) => ({ rect: c.getBoundingClientRect(), pinned: getComputedStyle(c).position === 'absolute' }));
        const room = Math.min(...children.filter((c) => c.pinned).map((c) => c.rect.top));
        return ((room - Math.max(...children.filter((c) => !c.pinned).map((c) => c.rect.bottom))) * 25.4) / 96;
      }),
    ),
  );
}

describe('the score panel of every country of every edition', () => {
  it('covers every country of each edition', () => {
    for (const edition of editions.keys()) {
      const printed = profiles.filter((p) => p.edition.id === edition);
      const countries = printed[0]?.edition.countries.map((c) => c.name) ?? [];
      expect(countries).toHaveLength(193);
      expect(new Set(printed.map((p) => p.data.country))).toEqual(new Set(countries));
    }
  });

  it('fits by design, with the longest names, and leaves no word alone on a line of titles, labels or rank lines', async () => {
    const overflowing: string[] = [];
    const lonely: string[] = [];
    let tightest = { spare: Infinity, country: '' };
    for (const entry of profiles) {
      await show(entry);
      const fits = await measureFit(session.page);
      for (const fit of fits.filter((f: PageFit) => f.panelOverflowMm !== undefined)) overflowing.push(`${entry.profile.file.path}: ${describeOverflow(fit, entry.edition)}`);
      const spare = await panelSpareMm();
      if (spare < tightest.spare) tightest = { spare, country: `${entry.data.country} (${entry.edition.id})` };
      lonely.push(...(await session.page.evaluate(lonelyLastWords)).map((text) => `${entry.data.country}: ${text}`));
    }
    expect(overflowing).toEqual([]);
    expect(lonely).toEqual([]);
    // The longest names (three lines for Micronesia) still leave room.
    expect(tightest.spare, tightest.country).toBeGreaterThan(1);
  }, 180_000);

  it('reports a panel that overflows by how much, on its page', async () => {
    const micronesia = profiles.find((p) => p.data.country.startsWith('Micronesia')) as ValidProfile;
    await show(micronesia);
    const spare = await panelSpareMm();
    // A title some six lines longer than any country's.
    await session.page.evaluate(() => document.querySelectorAll('.country').forEach((el) => (el.textContent += ' and the Many Long Islands of the Western and Northern Pacific Ocean')));
    const fits = await measureFit(session.page);
    expect(fits[0]?.fits).toBe(false);
    const message = describeOverflow(fits[0] as PageFit, micronesia.edition);
    expect(message).toMatch(/^page 1 score panel overflows by \d+\.\d mm$/);
    const grown = -(await panelSpareMm());
    expect(grown).toBeGreaterThan(0);
    expect(fits[0]?.panelOverflowMm).toBeCloseTo(grown, 0);
    expect(spare).toBeGreaterThan(0);
    expect(fits[0]?.overflowLines).toBe(0);
  });
});
