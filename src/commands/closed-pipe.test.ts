import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyFolder, projectRoot } from '../testing/support.js';

/**
 * Runs the built command line with its standard output read until the first line, then closed, as
 * `ocindex … | head -1` does; resolves to its exit code and standard error.
 */
function closedAfterFirstLine(args: string[]): Promise<{ code: number | null; stderr: string; firstLine: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(projectRoot, 'bin', 'ocindex.js'), ...args], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('\n')) child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, firstLine: stdout.split('\n')[0] ?? '' }));
  });
}

describe('a closed standard output is the end of the output, not an error', () => {
  it.each([
    ['diff', ['diff', 'goci-2021', 'goci-2023']],
    ['export', ['export', '--format', 'csv', '--edition', 'goci-2021']],
    ['validate', ['validate', 'content/goci-2021', '--format', 'github']],
  ])('%s stops quietly and exits as if done', async (_name, args) => {
    const result = await closedAfterFirstLine(args);
    expect(result.firstLine).not.toBe('');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }, 60_000);

  it('render writes every PDF it was asked for, though nobody reads its progress', async () => {
    const out = emptyFolder();
    const result = await closedAfterFirstLine(['render', 'content/goci-2021/azerbaijan.md', 'content/goci-2021/albania.md', '--out', out]);
    expect(result.stderr).not.toMatch(/EPIPE|at .*\.js:\d+/);
    expect(result.code).toBe(0);
    expect(existsSync(join(out, 'goci-2021', 'azerbaijan.pdf')) && existsSync(join(out, 'goci-2021', 'albania.pdf'))).toBe(true);
  }, 120_000);
});
