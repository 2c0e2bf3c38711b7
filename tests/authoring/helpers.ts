import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';
import { run } from '../../src/cli.js';

export const projectRoot = resolve(import.meta.dirname, '..', '..');
export const bundledContent = join(projectRoot, 'content');
export const sharedData = resolve(projectRoot, '..', 'shared', 'data');

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `ocindex <args>` in-process, in `cwd` (a fresh temporary folder by default, so no settings file applies). */
export async function ocindex(args: string[], cwd?: string): Promise<Result & { cwd: string }> {
  const folder = cwd ?? (await tempFolder());
  const result = { stdout: '', stderr: '' };
  const previous = process.cwd();
  process.chdir(folder);
  try {
    const code = await run(['node', 'ocindex', ...args], {
      stdout: (text) => void (result.stdout += text),
      stderr: (text) => void (result.stderr += text),
      interactive: false,
    });
    return { code, ...result, cwd: folder };
  } finally {
    process.chdir(previous);
  }
}

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

/** A fresh temporary folder, removed when the test file is done. */
export async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'ocindex-authoring-'));
  folders.push(folder);
  return folder;
}
