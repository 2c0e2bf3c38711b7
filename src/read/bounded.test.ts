import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBounded, readBoundedSync, readInputSync } from './bounded.js';
import { loadOutputProfile } from '../postprocess/press/output-intent.js';
import { loadColourTable } from '../postprocess/press/colours.js';
import { emptyFolder } from '../testing/support.js';

describe('the bounded reader (issue 21: one for every file the toolkit reads)', () => {
  const folder = emptyFolder();
  const pipe = join(folder, 'pipe');
  execFileSync('mkfifo', [pipe]);
  writeFileSync(join(folder, 'small'), 'hello');
  writeFileSync(join(folder, 'large'), Buffer.alloc(2048));

  it.each([
    ['readBounded', (path: string, limit?: number) => readBounded(path, limit, 'a test file')],
    ['readBoundedSync', async (path: string, limit?: number) => readBoundedSync(path, limit, 'a test file')],
  ])('%s: a regular file within its limit, never a pipe, a device, a folder or more than the limit', { timeout: 20_000 }, async (_, read) => {
    const small = await read(join(folder, 'small'));
    expect('bytes' in small && Buffer.from(small.bytes).toString()).toBe('hello');
    expect(await read(pipe)).toEqual({ unreadable: 'is a named pipe, not a file; a test file is a regular file' });
    expect(await read('/dev/zero')).toEqual({ unreadable: 'is a device, not a file; a test file is a regular file' });
    expect(await read(folder)).toEqual({ unreadable: 'is a folder, not a file; a test file is a regular file' });
    expect(await read(join(folder, 'large'), 1024)).toEqual({ unreadable: 'file is 0.0 MB; a test file may be at most 0.0 MB' });
    expect(await read(join(folder, 'missing'))).toEqual({ unreadable: 'cannot read (ENOENT)' });
  });

  it('reads ICC profiles, colour tables and any file a module loads the same way: one usage error naming the file', () => {
    expect(() => loadOutputProfile('/dev/zero')).toThrow('/dev/zero: is a device, not a file; an ICC profile is a regular file');
    expect(() => loadColourTable(pipe)).toThrow(`${pipe}: is a named pipe, not a file; a colour table is a regular file`);
    expect(() => readInputSync(pipe, { shown: 'templates/profile.html', what: 'a template' })).toThrow('templates/profile.html: is a named pipe, not a file; a template is a regular file');
  });
});
