import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { warmPageSession } from '../testing/warm-page.js';
import { renderHtml } from './html.js';
import { validProfile } from '../testing/fixtures.js';
import { projectRoot, readContent } from '../testing/support.js';

/**
 * Visual regression: each printed page of a few chosen profiles as a PNG, compared pixel by pixel with
 * the accepted one in src/html/visual-snapshots/. A deliberate change of the design is accepted with
 * `npm run test:visual -- --update` (or OCINDEX_UPDATE_SNAPSHOTS=1 npm test), which rewrites the
 * snapshots; a difference otherwise fails and writes the diff image to .cache/visual-diff/.
 * The pages are shot with the pinned npm browser (@sparticuz/chromium), as in CI.
 */
/** Vitest's own snapshot mode: 'all' with --update, 'new' locally (missing snapshots are written), 'none' in CI. */
function snapshotMode(): string {
  if (process.env.OCINDEX_UPDATE_SNAPSHOTS === '1') return 'all';
  const state = expect.getState().snapshotState as unknown as { _updateSnapshot?: string } | undefined;
  return state?._updateSnapshot ?? 'none';
}
const snapshots = join(projectRoot, 'src', 'html', 'visual-snapshots');
const diffs = join(projectRoot, '.cache', 'visual-diff');
/** Share of a page's pixels allowed to differ (anti-aliasing): 0.05 %, some 450 pixels of an A4 page. */
const tolerance = 0.0005;

const chosen = [
  ['final, the longest narrative', 'goci-2021/azerbaijan.md'],
  ['draft', 'goci-2023/azerbaijan.md'],
  ['longest country name', 'goci-2023/micronesia-federated-states-of.md'],
  ['long name and rank lines, a draft of 2021', 'goci-2021/st-vincent-and-the-grenadines.md'],
] as const;

const session = warmPageSession({
  browser: 'sparticuz',
  async setup({ page }) {
    // A4 at 96 dpi, as Chromium lays out the printed page.
    await page.setViewport({ width: 794, height: 1123, deviceScaleFactor: 1 });
    await page.emulateMediaType('print');
    await page.setJavaScriptEnabled(false);
  },
});

/** Each printed page of a profile as PNG bytes. */
async function shoot(path: string): Promise<Buffer[]> {
  await session.warm.layOut(renderHtml(validProfile(readContent(path), `content/${path}`)));
  // One shot of the whole document in a viewport that holds it, cut into its pages: shots of
  // elements scroll the page and may catch the next page's pixels.
  const boxes = await session.page.$$eval('.page', (pages) => pages.map((p) => p.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number }));
  const whole = PNG.sync.read(Buffer.from(await session.page.screenshot({ type: 'png', fullPage: true })));
  return boxes.map((box) => {
    const shot = new PNG({ width: Math.round(box.width), height: Math.floor(box.height) });
    PNG.bitblt(whole, shot, Math.round(box.x), Math.round(box.y), shot.width, shot.height, 0, 0);
    return PNG.sync.write(shot);
  });
}

/** Differing pixels, and the diff image where they differ. */
function compare(expected: PNG, actual: PNG): { differing: number; image: PNG } {
  const image = new PNG({ width: expected.width, height: expected.height });
  const differing = pixelmatch(expected.data, actual.data, image.data, expected.width, expected.height, { threshold: 0.1 });
  return { differing, image };
}

describe('the printed pages look as accepted', () => {
  it('shoots with the pinned browser and keeps no stale diff', () => {
    rmSync(diffs, { recursive: true, force: true });
    expect(readContent(chosen[2][1])).toContain('country: Micronesia (Federated States of)');
  });

  it.each(chosen)('%s: %s', async (_why, path) => {
    const shots = await shoot(path);
    expect(shots).toHaveLength(2);
    shots.forEach((shot, index) => {
      const name = `${path.replace(/\.md$/, '').replace('/', '-')}-page${index + 1}.png`;
      const file = join(snapshots, name);
      const mode = snapshotMode();
      if (mode === 'all' || !existsSync(file)) {
        if (mode === 'none') throw new Error(`${file}: no snapshot; accept the current pages with: npm run test:visual -- --update`);
        mkdirSync(snapshots, { recursive: true });
        writeFileSync(file, shot);
        return;
      }
      const [expected, actual] = [PNG.sync.read(readFileSync(file)), PNG.sync.read(shot)];
      expect(`${actual.width}x${actual.height}`, name).toBe(`${expected.width}x${expected.height}`);
      const { differing, image } = compare(expected, actual);
      if (differing > tolerance * expected.width * expected.height) {
        mkdirSync(diffs, { recursive: true });
        writeFileSync(join(diffs, name), PNG.sync.write(image));
        writeFileSync(join(diffs, name.replace(/\.png$/, '.actual.png')), shot);
        expect.fail(`${name}: ${differing} pixels differ; diff image in ${join(diffs, name)}; if the change is deliberate, accept it with: npm run test:visual -- --update`);
      }
    });
  });
});
