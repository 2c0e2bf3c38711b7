import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { emptyFolder, ensureBuilt } from '../testing/support.js';
import { checkWritableFolder, makeFolder, writeAll, writeAtomically, WriteError } from './write.js';

const folder = emptyFolder;
const bom = '\uFEFF';

describe('writeAtomically', () => {
  it('keeps the mode and the UTF-8 byte-order mark of the file it replaces, and leaves no temporary file', async () => {
    const dir = folder();
    const path = join(dir, 'albania.md');
    writeFileSync(path, `${bom}---\nold\n`);
    chmodSync(path, 0o640);
    await writeAtomically(path, '---\nnew\n');
    expect(readFileSync(path, 'utf8')).toBe(`${bom}---\nnew\n`);
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['albania.md']);
  });

  it('does not add a byte-order mark the file did not have, nor to binary data', async () => {
    const dir = folder();
    await writeAtomically(join(dir, 'a.md'), 'text');
    expect(readFileSync(join(dir, 'a.md'))[0]).toBe(0x74);
    writeFileSync(join(dir, 'b.pdf'), `${bom}x`);
    await writeAtomically(join(dir, 'b.pdf'), Buffer.from('%PDF'));
    expect(readFileSync(join(dir, 'b.pdf'), 'utf8')).toBe('%PDF');
  });

  it('writes through a symbolic link to its target, and the link stays', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'real.md'), 'old');
    symlinkSync(join(dir, 'real.md'), join(dir, 'link.md'));
    await writeAtomically(join(dir, 'link.md'), 'new');
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.md'), 'utf8')).toBe('new');
  });

  it('never replaces a read-only file, even as root', async () => {
    const dir = folder();
    const path = join(dir, 'azerbaijan.md');
    writeFileSync(path, 'kept');
    chmodSync(path, 0o444);
    await expect(writeAtomically(path, 'new')).rejects.toThrow(/azerbaijan\.md: is read-only; not replaced/);
    expect(readFileSync(path, 'utf8')).toBe('kept');
    expect(readdirSync(dir)).toEqual(['azerbaijan.md']);
  });

  it('fails at once, with a WriteError, under a path that can never be created (Node mkdir -p loops there)', async () => {
    const started = Date.now();
    await expect(writeAtomically('/proc/x/goci-2021/albania.md', 'x')).rejects.toBeInstanceOf(WriteError);
    await expect(checkWritableFolder('/proc/x')).rejects.toThrow(/proc\/x: cannot write/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reports a path that is a folder, or under a file, naming it', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'albania.md'));
    await expect(writeAtomically(join(dir, 'albania.md'), 'x')).rejects.toThrow(/albania\.md: cannot write \(it is a folder/);
    writeFileSync(join(dir, 'out'), '');
    await expect(makeFolder(join(dir, 'out', 'goci-2021'))).rejects.toThrow(/out\/goci-2021: cannot write \(a part of the path is a file/);
    expect(readdirSync(dir).sort()).toEqual(['albania.md', 'out']);
  });

  it('removes the temporary files a killed process left in the folder it writes to', async () => {
    const dir = folder();
    // A pid that cannot be running: above the kernel's maximum.
    writeFileSync(join(dir, '.albania.md.4194399.1.ocindex-tmp'), 'half');
    await writeAtomically(join(dir, 'albania.md'), 'whole');
    expect(readdirSync(dir)).toEqual(['albania.md']);
  });
});

describe('a write stopped by a signal', () => {
  it('removes its temporary file on SIGTERM, and the process still ends by the signal', () => {
    ensureBuilt();
    const dir = folder();
    // The child stops itself with SIGTERM as soon as its temporary file exists, mid-write.
    const script = `
      import { readdirSync } from 'node:fs';
      import { writeAtomically } from ${JSON.stringify(new URL('../../lib/write/write.js', import.meta.url).href)};
      const timer = setInterval(() => {
        if (readdirSync(process.argv[1]).some((n) => n.endsWith('.ocindex-tmp'))) process.kill(process.pid, 'SIGTERM');
      }, 1);
      await writeAtomically(process.argv[1] + '/big.pdf', Buffer.alloc(256 * 1024 * 1024));
      clearInterval(timer);
      console.log('not stopped');`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script, dir], { encoding: 'utf8' });
    expect(child.signal).toBe('SIGTERM');
    expect(child.stdout).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('writeAll', () => {
  it('writes nothing when one file of the set cannot be written', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'a.md'), 'old a');
    writeFileSync(join(dir, 'c.md'), 'old c');
    chmodSync(join(dir, 'c.md'), 0o444);
    const files = ['a.md', 'b.md', 'c.md'].map((name) => ({ path: join(dir, name), data: `new ${name}` }));
    await expect(writeAll(files)).rejects.toThrow(/c\.md: is read-only/);
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'c.md']);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('old a');
  });

  it('writes every file of the set', async () => {
    const dir = folder();
    await writeAll([1, 2, 3].map((n) => ({ path: join(dir, 'sub', `${n}.md`), data: String(n) })));
    expect(readdirSync(join(dir, 'sub')).sort()).toEqual(['1.md', '2.md', '3.md']);
  });
});
