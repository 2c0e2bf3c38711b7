import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, tempFolder } from '../support.js';
import { filesUnder } from './helpers.js';

/** Processes whose command line mentions `marker`: Chromium's carries its profile folder, under TMPDIR. */
function processesMentioning(marker: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
      } catch {
        return false;
      }
    })
    .map(Number);
}

const newestSource = () =>
  Math.max(...readdirSync(join(projectRoot, 'src'), { recursive: true, encoding: 'utf8' }).map((file) => statSync(join(projectRoot, 'src', file)).mtimeMs));
const builtAt = () => (existsSync(join(projectRoot, 'lib', 'cli.js')) ? statSync(join(projectRoot, 'lib', 'cli.js')).mtimeMs : 0);

describe('ocindex render stopped by a signal', () => {
  beforeAll(() => {
    // The command runs as a user runs it, from lib/: built from the current sources unless it is
    // already (npm test builds first; rewriting lib/ under other tests' feet is avoided then).
    if (builtAt() < newestSource()) {
      try {
        execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: projectRoot, stdio: 'ignore' });
      } catch {
        // Type errors elsewhere still emit lib/.
      }
    }
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
