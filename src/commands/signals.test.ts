import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, processesMentioning, projectRoot, tempFolder } from '../testing/support.js';
import { filesUnder } from '../testing/render.js';


describe('ocindex render stopped by a signal', () => {
  beforeAll(() => {
    ensureBuilt();
    expect(existsSync(join(projectRoot, 'lib', 'cli.js'))).toBe(true);
  }, 120_000);

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s closes the browser and leaves only complete PDFs', async (signal, exitCode) => {
    const out = tempFolder();
    const tmp = tempFolder();
    const child = spawn(process.execPath, ['bin/ocindex.js', 'render', 'content/goci-2021', '--out', out], {
      cwd: projectRoot,
      env: { ...process.env, TMPDIR: tmp, CI: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Mid-batch: a few PDFs written, others being rendered.
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if ((stdout.match(/^\[ *\d+\/\d+\]/gm) ?? []).length >= 3) resolve();
      }),
    );
    child.kill(signal);
    expect(await exited).toBe(exitCode);
    expect(stderr).toContain(`stopped by ${signal}`);
    expect(processesMentioning(tmp)).toEqual([]);
    const files = filesUnder(out);
    expect(files.length).toBeGreaterThanOrEqual(3);
    expect(files.length).toBeLessThan(193);
    for (const file of files) {
      expect(file).toMatch(/^goci-2021\/[a-z-]+\.pdf$/);
      expect((await PDFDocument.load(readFileSync(join(out, file)))).getPageCount()).toBe(2);
    }
  }, 120_000);
});
