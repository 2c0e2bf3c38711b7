import { cpSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../html/html.js';
import { renderKey } from './up-to-date.js';
import { validProfile, validTranslation } from '../testing/fixtures.js';
import { azerbaijan2021, azerbaijan2021French, emptyFolder, projectRoot, replaceOnce, runCli } from '../testing/support.js';


function workspace(): { content: string; out: string } {
  const folder = emptyFolder();
  for (const name of ['azerbaijan.md', 'chad.md']) cpSync(join(projectRoot, 'content/goci-2021', name), join(folder, 'content/goci-2021', name));
  return { content: join(folder, 'content'), out: join(folder, 'dist') };
}

/** The PDFs a render names as written: each progress line names every file of its profile ("x.pdf and x.html"). */
const written = (stdout: string) =>
  [...stdout.matchAll(/^\[ *\d+\/\d+\] (.+)$/gm)]
    .flatMap((m) => (m[1] ?? '').split(' and '))
    .filter((file) => file.endsWith('.pdf'))
    .map((file) => file.split('/').slice(-2).join('/'))
    .sort();

describe('incremental render', () => {
  it('skips profiles whose PDF is up to date, says how many, renders what changed, and all with --force', async () => {
    const { content, out } = workspace();
    const first = await runCli('render', content, '--out', out);
    expect(first.code, first.stderr).toBe(0);
    expect(written(first.stdout)).toEqual(['goci-2021/azerbaijan.pdf', 'goci-2021/chad.pdf']);
    const pdf = join(out, 'goci-2021/azerbaijan.pdf');
    const before = { bytes: readFileSync(pdf), mtime: statSync(pdf).mtimeMs };
    expect(Object.keys(JSON.parse(readFileSync(join(out, '.ocindex-manifest.json'), 'utf8')).files)).toEqual(['goci-2021/azerbaijan.pdf', 'goci-2021/chad.pdf']);

    const again = await runCli('render', content, '--out', out);
    expect(again.code).toBe(0);
    expect(written(again.stdout)).toEqual([]);
    expect(again.stdout).toMatch(/2 profiles: 0 written, .*, 2 up to date \(not rendered again; --force renders them\) in/);
    expect(statSync(pdf).mtimeMs).toBe(before.mtime);

    const azerbaijan = join(content, 'goci-2021/azerbaijan.md');
    writeFileSync(azerbaijan, replaceOnce(azerbaijan2021, 'Human trafficking in Azerbaijan', 'Trafficking in human beings in Azerbaijan'));
    expect(written((await runCli('render', content, '--out', out)).stdout)).toEqual(['goci-2021/azerbaijan.pdf']);
    const chad = join(out, 'goci-2021/chad.pdf');
    const chadBytes = readFileSync(chad);
    rmSync(chad);
    expect(written((await runCli('render', content, '--out', out)).stdout)).toEqual(['goci-2021/chad.pdf']);

    const forced = await runCli('render', content, '--out', out, '--force');
    expect(written(forced.stdout)).toEqual(['goci-2021/azerbaijan.pdf', 'goci-2021/chad.pdf']);
    expect(readFileSync(chad).equals(chadBytes)).toBe(true);
    // Asking for more files (the HTML beside each PDF) is a new key: rendered again, then up to date.
    const withHtml = await runCli('render', content, '--out', out, '--html');
    expect(written(withHtml.stdout)).toEqual(['goci-2021/azerbaijan.pdf', 'goci-2021/chad.pdf']);
    expect(withHtml.stdout).toMatch(/azerbaijan\.pdf and \S*azerbaijan\.html$/m);
    expect(written((await runCli('render', content, '--out', out, '--html')).stdout)).toEqual([]);
    expect(readFileSync(pdf).equals(before.bytes)).toBe(false);
  }, 120_000);

  it('keys a PDF on its HTML, metadata, browser and options', () => {
    const entry = validProfile(azerbaijan2021, 'content/goci-2021/azerbaijan.md');
    const html = renderHtml(entry);
    const key = renderKey(entry, [html], 'sparticuz:/x/chromium-143.0.4/chromium', { html: false });
    expect(renderKey(entry, [html], 'sparticuz:/x/chromium-143.0.4/chromium', { html: false })).toBe(key);
    expect(renderKey(entry, [`${html} `], 'sparticuz:/x/chromium-143.0.4/chromium', { html: false })).not.toBe(key);
    // The stylesheet is hashed once for all profiles: a change to it still changes every key.
    expect(html).toContain('</style>');
    expect(renderKey(entry, [html.replace('</style>', 'p { margin: 0 }</style>')], 'sparticuz:/x/chromium-143.0.4/chromium', { html: false })).not.toBe(key);
    expect(renderKey(entry, [html, renderHtml(entry, { target: 'press' })], 'sparticuz:/x/chromium-143.0.4/chromium', { html: false })).not.toBe(key);
    expect(renderKey(entry, [html], 'system:/usr/bin/chromium', { html: false })).not.toBe(key);
    expect(renderKey(entry, [html], 'sparticuz:/x/chromium-143.0.4/chromium', { html: true })).not.toBe(key);
    const translated = validTranslation(azerbaijan2021French);
    expect(renderKey(translated, [html], 'sparticuz:/x/chromium-143.0.4/chromium', { html: false })).not.toBe(key);
  });
});
