import { describe, expect, it } from 'vitest';
import { CopyFitError, loadCorpus, renderPdf, validate } from '../index.js';
import { withCriminalityEnd } from '../testing/fixtures.js';
import { azerbaijan2021, readContent, runCli, tempFolder } from '../testing/support.js';
import { contentFolder, filesUnder, pageTexts } from '../testing/render.js';

const drafts = ['armenia', 'azerbaijan', 'georgia', 'kazakhstan', 'kyrgyzstan', 'tajikistan'];

describe('ocindex render --shard', () => {
  it('renders disjoint shards that together cover every profile once', async () => {
    const content = contentFolder(Object.fromEntries(drafts.map((slug) => [`goci-2023/${slug}.md`, readContent(`goci-2023/${slug}.md`)])));
    const written: string[] = [];
    for (const shard of ['1/3', '2/3', '3/3']) {
      const out = tempFolder();
      const result = await runCli('render', content, '--out', out, '--shard', shard);
      expect(result.code, result.stderr).toBe(0);
      written.push(...filesUnder(out));
    }
    expect(written.sort()).toEqual(drafts.map((slug) => `goci-2023/${slug}.pdf`));
  });

  it('refuses a malformed shard', async () => {
    const result = await runCli('render', '--shard', '4/3');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the shard must be from 1 to 3');
  });
});

describe('renderPdf (library)', () => {
  it('prints a profile to PDF bytes, or throws a CopyFitError naming page and lines', async () => {
    const content = contentFolder({ 'goci-2021/azerbaijan.md': azerbaijan2021 });
    const [entry] = validate(await loadCorpus([content])).valid;
    const pages = await pageTexts(await renderPdf(entry!));
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('83rd of 193 countries');
    const long = azerbaijan2021.split('\n').find((line) => line.startsWith('The repressive')) ?? '';
    const overflowing = contentFolder({ 'goci-2021/azerbaijan.md': withCriminalityEnd([long, long, long].join('\n\n')) });
    const [tooLong] = validate(await loadCorpus([overflowing])).valid;
    await expect(renderPdf(tooLong!)).rejects.toThrow(CopyFitError);
    await expect(renderPdf(tooLong!)).rejects.toThrow(/page 1 \(criminality\) overflows by \d+ lines?/);
  });
});
