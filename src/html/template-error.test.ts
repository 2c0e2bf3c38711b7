import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { renderBatch } from '../render/batch.js';
import { renderHtml } from './html.js';
import { TemplateError } from '../errors.js';
import { validProfile } from '../testing/fixtures.js';
import { azerbaijan2021, runCli, tempFolder } from '../testing/support.js';
import { filesUnder } from '../testing/render.js';

// A copy of templates/ where a designer misspelled a field; the package's templates stay untouched.
// Made before any module of the toolkit loads: html.ts finds its templates folder when it loads.
const broken = await vi.hoisted(async () => {
  const fs = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const folder = fs.mkdtempSync(join(tmpdir(), 'ocindex-templates-'));
  fs.cpSync(join(import.meta.dirname, '..', '..', 'templates'), folder, { recursive: true });
  const page = join(folder, 'profile.html');
  fs.writeFileSync(page, fs.readFileSync(page, 'utf8').replace('{{country}}', '{{contry}}'));
  return { folder };
});
vi.mock('../package/paths.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../package/paths.js')>();
  return { ...original, packagePath: (...parts: string[]) => (parts[0] === 'templates' ? join(broken.folder, ...parts.slice(1)) : original.packagePath(...parts)) };
});
afterAll(() => rmSync(broken.folder, { recursive: true, force: true }));

describe('a broken template', () => {
  it('is one usage error (exit 2) before any profile is printed, not one failure per profile', async () => {
    const out = tempFolder();
    const result = await runCli('render', 'content/goci-2021', '--out', out);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("ocindex: profile.html: the view has no 'contry'\n");
    expect(result.stdout).toBe('');
    expect(filesUnder(out)).toEqual([]);
  });

  it('stops a batch at once when the library is called without the check', async () => {
    const onDone = vi.fn();
    const task = { entry: validProfile(azerbaijan2021), pdfPath: join(tempFolder(), 'azerbaijan.pdf') };
    await expect(renderBatch([task, task, task], { layout: { renderHtml }, onDone })).rejects.toThrow(TemplateError);
    expect(onDone).not.toHaveBeenCalled();
  });
});
