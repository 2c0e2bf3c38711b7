import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';

/** A path as messages show it: relative to the working directory, with / separators. */
export function displayPath(path: string, cwd = process.cwd()): string {
  return relative(cwd, resolve(cwd, path)).split(sep).join('/') || '.';
}

async function walk(path: string, found: string[]): Promise<void> {
  const info = await stat(path).catch(() => {
    throw new InputError(`${displayPath(path)}: no such file or folder`);
  });
  if (info.isFile()) {
    found.push(path);
    return;
  }
  for (const entry of await readdir(path, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const child = join(path, entry.name);
    if (entry.isDirectory()) await walk(child, found);
    else if (entry.name.endsWith('.md') && entry.name !== 'README.md') found.push(child);
  }
}

/** The profile files named by paths (files as given, folders searched for .md), sorted and unique. */
export async function collectProfiles(paths: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) await walk(path, found);
  return [...new Set(found.map((p) => displayPath(p)))].sort();
}

export interface SourceFile {
  path: string;
  bytes: Uint8Array;
}

export async function readSources(paths: string[]): Promise<SourceFile[]> {
  return Promise.all(
    paths.map(async (path) => ({
      path,
      bytes: await readFile(path).catch((error: NodeJS.ErrnoException) => {
        throw new InputError(`${path}: cannot read (${error.code ?? error.message})`);
      }),
    })),
  );
}
