import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withCriminalityEnd, withStatus } from '../testing/fixtures.js';
import { azerbaijan2021, readContent, replaceOnce, runCli, tempFolder } from '../testing/support.js';
import { contentFolder, filesUnder, pageTexts, readPdf } from '../testing/render.js';

const azerbaijanPath = 'goci-2021/azerbaijan.md';

/** A paragraph of the criminal actors section, long enough that three more cannot fit. */
const longParagraph = azerbaijan2021.split('\n').find((line) => line.startsWith('The repressive and authoritarian government')) ?? '';

describe('ocindex render', () => {
  it('writes dist/<edition>/<slug>.pdf, and the HTML beside it with --html', async () => {
    const content = contentFolder({ [azerbaijanPath]: azerbaijan2021 });
    const out = tempFolder();
    const result = await runCli('render', content, '--out', out, '--html');
    expect(result.code, result.stderr).toBe(0);
    expect(filesUnder(out)).toEqual(['goci-2021/azerbaijan.html', 'goci-2021/azerbaijan.pdf']);
    expect(result.stdout).toMatch(/1 profile: 1 written, 0 skipped for errors, 0 not fitting their pages, 0 failed in \d+ s/);
  });

  it('does not write a profile whose text overflows, and says where and by how much', async () => {
    const long = withCriminalityEnd([longParagraph, longParagraph, longParagraph].join('\n\n'));
    const content = contentFolder({ [azerbaijanPath]: long });
    const out = tempFolder();
    const result = await runCli('render', content, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/goci-2021\/azerbaijan\.md: page 1 \(criminality\) overflows by \d+ lines?, cut in section '[^']+'/);
    expect(filesUnder(out)).toEqual([]);
    expect(result.stdout).toContain('0 written, 0 skipped for errors, 1 not fitting their pages');
  });

  it('reports and skips profiles with errors, and renders the others', async () => {
    const broken = replaceOnce(azerbaijan2021, 'score: 5.08', 'score: 9.99');
    const content = contentFolder({ [azerbaijanPath]: broken, 'goci-2023/azerbaijan.md': readContent('goci-2023/azerbaijan.md') });
    const out = tempFolder();
    const result = await runCli('render', content, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/goci-2021\/azerbaijan\.md:\d+:\d+ {2}error/);
    expect(filesUnder(out)).toEqual(['goci-2023/azerbaijan.pdf']);
    expect(result.stdout).toContain('2 profiles: 1 written, 1 skipped for errors');
  });

  it('prints a draft with its watermark', async () => {
    const content = contentFolder({ [azerbaijanPath]: withStatus(azerbaijan2021, 'draft') });
    const out = tempFolder();
    expect((await runCli('render', content, '--out', out)).code).toBe(0);
    const pages = await pageTexts(readPdf(join(out, 'goci-2021/azerbaijan.pdf')));
    for (const page of pages) expect(page).toContain('DRAFT');
  });

  it.each([
    [['--concurrency', '0'], /concurrency/],
    [['--timeout', 'soon'], /timeout/],
  ])('rejects bad options %j with exit code 2', async (args, message) => {
    const result = await runCli('render', tempFolder(), ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('fails with exit code 2, before rendering anything, when it cannot write its output', async () => {
    const content = contentFolder({ [azerbaijanPath]: azerbaijan2021 });
    const blocker = join(tempFolder(), 'file');
    writeFileSync(blocker, 'not a folder');
    const result = await runCli('render', content, '--out', blocker);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/ocindex: .*file\/goci-2021: cannot write \(a part of the path is a file, not a folder, ENOTDIR\)\n$/);
    expect(result.stdout).toBe('');
  });

  it('fails with exit code 2 on a missing path or no profiles at all', async () => {
    const missing = await runCli('render', join(tempFolder(), 'nowhere'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file or folder/);
    const empty = await runCli('render', tempFolder());
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/no profiles/);
  });
});
