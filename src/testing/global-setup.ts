import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One temporary folder for the whole test run: every test's folders, and the browsers' profiles,
 * go under it (TMPDIR, which os.tmpdir() and Chromium read, is inherited by the workers), and it is
 * removed when the run ends, passed or failed. A test file's own afterAll removes its folders early;
 * this catches what a failed or timed-out test leaves behind.
 */
export default function setup(): () => void {
  const run = mkdtempSync(join(tmpdir(), 'ocindex-test-run-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = run;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(run, { recursive: true, force: true });
  };
}
