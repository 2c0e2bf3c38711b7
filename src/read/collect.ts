import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';
import { notUtf8Name, readBounded } from './bounded.js';

export { maxReadBytes, readBounded } from './bounded.js';

/** A path as messages show it: relative to the working directory, with / separators. */
export function displayPath(path: string, cwd = process.cwd()): string {
  return relative(cwd, resolve(cwd, path)).split(sep).join('/') || '.';
}

/** A folder the search for profiles skips: hidden ones (.git, .cache) and node_modules. */
export const isSkippedFolder = (name: string): boolean => name.startsWith('.') || name === 'node_modules';

/** A file name that is a profile's: Markdown, not hidden, not a folder's README. */
export const isProfileFileName = (name: string): boolean => name.endsWith('.md') && name !== 'README.md' && !name.startsWith('.');

/** What makes a folder the same folder whatever path leads to it: its device and inode. */
export const folderIdentity = (info: { dev: number; ino: number }): string => `${info.dev}:${info.ino}`;

/**
 * Symbolic links are followed, to folders too, but each real folder (by device and inode) is
 * visited once, so a loop of links ends; a link whose target is missing is kept, so that reading
 * it reports it rather than skipping it. `seen` maps each folder visited to the path it was
 * visited by.
 */
async function walk(path: string, found: string[], seen: Map<string, string>, isWanted: (name: string) => boolean): Promise<void> {
  const info = await stat(path).catch(() => {
    throw new InputError(`${displayPath(path)}: ${path.includes('\uFFFD') ? notUtf8Name : 'no such file or folder'}`);
  });
  if (!info.isDirectory()) {
    found.push(path);
    return;
  }
  const identity = folderIdentity(info);
  if (seen.has(identity)) return;
  seen.set(identity, resolve(path));
  for (const entry of await readdir(path, { withFileTypes: true })) {
    if (isSkippedFolder(entry.name)) continue;
    const child = join(path, entry.name);
    const isFolder = entry.isDirectory() || (entry.isSymbolicLink() && (await stat(child).catch(() => undefined))?.isDirectory() === true);
    if (isFolder) await walk(child, found, seen, isWanted);
    else if (isWanted(entry.name)) found.push(child);
  }
}

/** The profile files named by paths (files as given, folders searched for .md), sorted and unique. */
export async function collectProfiles(paths: string[]): Promise<string[]> {
  return (await collectProfilesAndFolders(paths)).files;
}

/** collectProfiles, with the folders the walk went through: identity to the absolute path it took. */
export async function collectProfilesAndFolders(paths: string[]): Promise<{ files: string[]; folders: Map<string, string> }> {
  const found: string[] = [];
  const folders = new Map<string, string>();
  for (const path of paths) await walk(path, found, folders, isProfileFileName);
  return { files: [...new Set(found.map((p) => displayPath(p)))].sort(), folders };
}

/**
 * The files named by paths whose names `isWanted` accepts, as the profiles are found (files as
 * given, folders searched, each real folder once), with the folder given: [file, path given].
 */
export async function collectFiles(paths: string[], isWanted: (name: string) => boolean): Promise<[string, string][]> {
  const found: [string, string][] = [];
  const folders = new Map<string, string>();
  for (const path of paths) {
    const files: string[] = [];
    await walk(path, files, folders, isWanted);
    for (const file of files) found.push([file, path]);
  }
  return found;
}

export interface SourceFile {
  path: string;
  bytes: Uint8Array;
  /** Why the file could not be read; its bytes are then empty. */
  unreadable?: string;
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
