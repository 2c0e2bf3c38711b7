import { unlinkSync } from 'node:fs';
import { lstat, mkdir, open, readdir, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { WriteError } from '../errors.js';
import { displayPath } from '../read/collect.js';
import { isRunning } from './process.js';
import { plural } from '../text/english.js';

export { WriteError };

const reasons: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  ENOENT: 'the folder cannot be created there',
  EEXIST: 'a file stands where a folder is needed',
};

function writeError(path: string, error: unknown): WriteError {
  if (error instanceof WriteError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const reason = (code && reasons[code]) ?? code ?? (error as Error).message;
  return new WriteError(`${displayPath(path)}: cannot write (${reason}${code && reasons[code] ? `, ${code}` : ''})`);
}

/**
 * Creates a folder and its missing parents one at a time. Node's own `mkdir -p` loops forever under
 * a path that can never be created (`/proc/x`); here the first folder that cannot be made fails.
 */
export async function makeFolder(folder: string): Promise<void> {
  const missing: string[] = [];
  for (let current = resolve(folder); ; current = dirname(current)) {
    const info = await stat(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw writeError(current, error);
    });
    if (info) {
      if (!info.isDirectory()) throw writeError(current, Object.assign(new Error('not a folder'), { code: 'ENOTDIR' }));
      break;
    }
    missing.push(current);
    if (dirname(current) === current) break;
  }
  for (const path of missing.reverse()) {
    await mkdir(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw writeError(path, error);
    });
  }
}

// Temporary files being written, removed if the process is stopped by a signal or exits early.
// They are hidden files (collectProfiles and the watcher skip them) named after the process, so a
// later write into the same folder removes those a killed process (SIGKILL) left behind.
const pending = new Set<string>();
const tempSuffix = '.ocindex-tmp';
let counter = 0;

function removePending(): void {
  for (const path of pending) {
    try {
      unlinkSync(path);
    } catch {
      // Already gone.
    }
  }
  pending.clear();
}

const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function onSignal(signal: NodeJS.Signals): void {
  removePending();
  // With no other handler (render installs its own), the signal ends the process as it would have.
  if (signals.every((s) => process.listeners(s).every((listener) => listener === onSignal))) {
    uninstall();
    process.kill(process.pid, signal);
  }
}

function install(): void {
  if (pending.size > 0) return;
  for (const signal of signals) process.on(signal, onSignal);
  process.on('exit', removePending);
}

function uninstall(): void {
  for (const signal of signals) process.off(signal, onSignal);
  process.off('exit', removePending);
}

function tempPath(path: string): string {
  counter += 1;
  return join(dirname(path), `.${basename(path)}.${process.pid}.${counter}${tempSuffix}`);
}

const swept = new Set<string>();

/** Removes, once per folder and run, the temporary files of processes that no longer run. */
async function sweep(folder: string): Promise<void> {
  if (swept.has(folder)) return;
  swept.add(folder);
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    const pid = name.endsWith(tempSuffix) ? Number(/\.(\d+)\.\d+\.ocindex-tmp$/.exec(name)?.[1]) : NaN;
    if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) await unlink(join(folder, name)).catch(() => undefined);
  }
}

const utf8Bom = Buffer.from([0xef, 0xbb, 0xbf]);

/** What replacing a file must keep: its mode, and its UTF-8 byte-order mark if it had one. */
async function existing(path: string): Promise<{ mode: number; bom: boolean } | undefined> {
  const info = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw writeError(path, error);
  });
  if (!info) return undefined;
  if (info.isDirectory()) throw writeError(path, Object.assign(new Error('folder'), { code: 'EISDIR' }));
  // Checked by its mode bits: root may write anything, yet a read-only file is the owner's choice.
  if ((info.mode & 0o222) === 0) throw new WriteError(`${displayPath(path)}: is read-only; not replaced (make it writable to update it)`);
  const head = Buffer.alloc(3);
  const handle = await open(path, 'r').catch(() => undefined);
  const { bytesRead } = (await handle?.read(head, 0, 3, 0).catch(() => undefined)) ?? { bytesRead: 0 };
  await handle?.close();
  return { mode: info.mode & 0o7777, bom: bytesRead === 3 && head.equals(utf8Bom) };
}

/** A prepared write: the data sits complete in its temporary file, ready to be renamed over the target. */
interface Staged {
  path: string;
  temp: string;
}

async function stage(link: string, data: string | Uint8Array): Promise<Staged> {
  // A symbolic link stays one: its target is what gets replaced.
  const path = await realpath(link).catch(() => link);
  await makeFolder(dirname(path));
  await sweep(dirname(path));
  const before = await existing(path);
  let bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data);
  if (before?.bom && typeof data === 'string' && !bytes.subarray(0, 3).equals(utf8Bom)) bytes = Buffer.concat([utf8Bom, bytes]);
  const temp = tempPath(path);
  install();
  pending.add(temp);
  try {
    const handle = await open(temp, 'wx', before?.mode ?? 0o666);
    try {
      await handle.writeFile(bytes);
      if (before) await handle.chmod(before.mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return { path, temp };
  } catch (error) {
    await discard(temp);
    throw writeError(path, error);
  }
}

async function discard(temp: string): Promise<void> {
  await unlink(temp).catch(() => undefined);
  pending.delete(temp);
  if (pending.size === 0) uninstall();
}

async function commit(staged: Staged): Promise<void> {
  try {
    await rename(staged.temp, staged.path);
    pending.delete(staged.temp);
    if (pending.size === 0) uninstall();
  } catch (error) {
    await discard(staged.temp);
    throw writeError(staged.path, error);
  }
}

/**
 * The one way the toolkit writes a file: through a hidden temporary file beside it and a rename,
 * so readers see the old file or the new, never half. A replaced file keeps its mode and its UTF-8
 * byte-order mark; a read-only file is not replaced; the temporary file is removed on any failure
 * and on Ctrl-C or SIGTERM. Every failure is a WriteError naming the file (exit 2).
 */
export async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  await commit(await stage(path, data));
}

export interface FileWrite {
  path: string;
  data: string | Uint8Array;
}

/**
 * Writes a set of files all or nothing: every file is first written to its temporary file (a
 * failure there leaves every target untouched), then all are renamed. Should a rename fail, the
 * files renamed before it are put back as they were (or removed, if new), and the error says so.
 */
export async function writeAll(files: FileWrite[]): Promise<void> {
  const staged: Staged[] = [];
  try {
    for (const file of files) staged.push(await stage(file.path, file.data));
  } catch (error) {
    for (const s of staged) await discard(s.temp);
    throw error;
  }
  const originals = new Map<string, Buffer | undefined>();
  for (const s of staged) originals.set(s.path, await readFile(s.path).catch(() => undefined));
  const done: Staged[] = [];
  for (const [index, s] of staged.entries()) {
    try {
      await commit(s);
      done.push(s);
    } catch (error) {
      for (const rest of staged.slice(index + 1)) await discard(rest.temp);
      const restored = await restore(done, originals);
      throw new WriteError(`${(error as Error).message}; nothing of this run is kept: ${restored}`);
    }
  }
}

async function restore(done: Staged[], originals: Map<string, Buffer | undefined>): Promise<string> {
  const failed: string[] = [];
  for (const s of done.reverse()) {
    const original = originals.get(s.path);
    const undo = original === undefined ? unlink(s.path) : writeAtomically(s.path, original);
    await undo.catch(() => failed.push(displayPath(s.path)));
  }
  if (failed.length === 0) return `the ${plural(done.length, 'file')} written before it restored`;
  return `${plural(done.length - failed.length, 'file')} restored, but these could not be and hold the new data: ${failed.join(', ')}`;
}

/** Fails now, with the reason, if files cannot be created in this folder (made if missing). */
export async function checkWritableFolder(folder: string): Promise<void> {
  await makeFolder(folder);
  const probe = tempPath(join(folder, 'probe'));
  const handle = await open(probe, 'wx').catch((error: unknown) => {
    throw writeError(folder, error);
  });
  await handle.close();
  await unlink(probe);
}
