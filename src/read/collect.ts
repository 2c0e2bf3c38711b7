import { constants } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';

/** A path as messages show it: relative to the working directory, with / separators. */
export function displayPath(path: string, cwd = process.cwd()): string {
  return relative(cwd, resolve(cwd, path)).split(sep).join('/') || '.';
}

/**
 * Symbolic links are followed, to folders too (each real folder once, so a loop ends); a link
 * whose target is missing is kept, so that reading it reports it rather than skipping it.
 */
/** A folder the search for profiles skips: hidden ones (.git, .cache) and node_modules. */
export const isSkippedFolder = (name: string): boolean => name.startsWith('.') || name === 'node_modules';

/** A file name that is a profile's: Markdown, not hidden, not a folder's README. */
export const isProfileFileName = (name: string): boolean => name.endsWith('.md') && name !== 'README.md' && !name.startsWith('.');

async function walk(path: string, found: string[], seen: Set<string>): Promise<void> {
  const info = await stat(path).catch(() => {
    throw new InputError(`${displayPath(path)}: no such file or folder`);
  });
  if (!info.isDirectory()) {
    found.push(path);
    return;
  }
  const real = await realpath(path);
  if (seen.has(real)) return;
  seen.add(real);
  for (const entry of await readdir(path, { withFileTypes: true })) {
    if (isSkippedFolder(entry.name)) continue;
    const child = join(path, entry.name);
    const isFolder = entry.isDirectory() || (entry.isSymbolicLink() && (await stat(child).catch(() => undefined))?.isDirectory() === true);
    if (isFolder) await walk(child, found, seen);
    else if (isProfileFileName(entry.name)) found.push(child);
  }
}

/** The profile files named by paths (files as given, folders searched for .md), sorted and unique. */
export async function collectProfiles(paths: string[]): Promise<string[]> {
  const found: string[] = [];
  const seen = new Set<string>();
  for (const path of paths) await walk(path, found, seen);
  return [...new Set(found.map((p) => displayPath(p)))].sort();
}

export interface SourceFile {
  path: string;
  bytes: Uint8Array;
  /** Why the file could not be read; its bytes are then empty. */
  unreadable?: string;
}

/** Above this a file is not read at all: `stat` says so first, and a read stops one byte past it. */
export const maxReadBytes = 1024 * 1024;

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const kinds: [keyof import('node:fs').Stats, string][] = [
  ['isFIFO', 'a named pipe'],
  ['isCharacterDevice', 'a device'],
  ['isBlockDevice', 'a device'],
  ['isSocket', 'a socket'],
  ['isDirectory', 'a folder'],
];

/**
 * Reads at most `limit` bytes of a regular file. Opened without blocking, so a named pipe never
 * hangs the run; a pipe, device or socket (or a link to one, such as /dev/zero) is refused
 * before anything is read, and a file larger than the limit is refused by its size, then by a
 * read that stops one byte past the limit (for a file that grows meanwhile).
 */
export async function readBounded(path: string, limit = maxReadBytes, what = 'a profile'): Promise<{ bytes: Uint8Array } | { unreadable: string }> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { unreadable: `cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      const kind = kinds.find(([test]) => (info[test] as () => boolean).call(info))?.[1] ?? 'not a regular file';
      return { unreadable: `is ${kind}, not a file; ${what} is a regular file` };
    }
    if (info.size > limit) return { unreadable: `file is ${megabytes(info.size)}; ${what} may be at most ${megabytes(limit)}` };
    // Room for the size stat gives and one byte more, to see the end; a file that grows while it
    // is read gets more room, up to the limit (a megabyte zero-filled for each file was a third
    // of the time of reading the bundled content).
    let buffer = Buffer.allocUnsafe(Math.min(info.size, limit) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(Math.min(buffer.length, limit + 1 - buffer.length))]);
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > limit) return { unreadable: `file is larger than ${megabytes(limit)}; ${what} may be at most ${megabytes(limit)}` };
    }
    return { bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { unreadable: `cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  } finally {
    await handle.close();
  }
}

/** Every file read, within limits; one that cannot be read is kept with the reason, for its own message. */
export async function readSources(paths: string[]): Promise<SourceFile[]> {
  return Promise.all(
    paths.map(async (path) => {
      const read = await readBounded(path);
      return 'bytes' in read ? { path, bytes: read.bytes } : { path, bytes: new Uint8Array(), unreadable: read.unreadable };
    }),
  );
}
