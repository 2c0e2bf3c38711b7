import type { Stats } from 'node:fs';
import { basename, resolve } from 'node:path';
import { watch } from 'chokidar';
import { isProfileFileName, isSkippedFolder } from '../read/collect.js';

/** The files collectProfiles reads from a folder (its filter), outside the folders it skips. */
const isHidden = isSkippedFolder;
const isProfileFile = (path: string) => isProfileFileName(basename(path));

/** Saves that come together (an editor's write and rename, a git checkout) make one update. */
const settleMs = 20;

/**
 * chokidar passes on at most one change of a file per 50 ms and drops the others, so a second save
 * within that window would be lost. Each change is looked at again once the window is over; the
 * workspace ignores a file whose bytes did not change.
 */
const recheckMs = 50 + settleMs;

export interface ContentWatcher {
  /** Starts passing on changes, those seen since the watch began included, one burst at a time. */
  deliver(onChange: (paths: string[]) => Promise<void>): void;
  close(): Promise<void>;
}

/**
 * Watches a content folder's profile files. Resolves once the watch is in place, so that the folder can
 * be read next without missing a save; changes wait until deliver() is called, and updates never overlap.
 */
export async function watchContent(folder: string, onError: (error: Error) => void): Promise<ContentWatcher> {
  const root = resolve(folder);
  const ignored = (path: string, stats?: Stats) => path !== root && (isHidden(basename(path)) || (stats?.isFile() === true && !isProfileFile(path)));
  const watcher = watch(root, { ignoreInitial: true, ignored });
  const pending = new Set<string>();
  let onChange: ((paths: string[]) => Promise<void>) | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const rechecks = new Map<string, NodeJS.Timeout>();

  const flush = () => {
    timer = undefined;
    const paths = [...pending];
    pending.clear();
    running = running.then(() => onChange?.(paths)).catch(onError);
  };
  const schedule = () => {
    if (onChange && pending.size > 0) timer ??= setTimeout(flush, settleMs);
  };
  const note = (path: string) => {
    pending.add(path);
    schedule();
  };
  const changed = (path: string) => {
    if (!isProfileFile(path)) return;
    note(path);
    clearTimeout(rechecks.get(path));
    rechecks.set(
      path,
      setTimeout(() => {
        rechecks.delete(path);
        note(path);
      }, recheckMs),
    );
  };
  watcher.on('add', changed).on('change', changed).on('unlink', changed).on('error', (error) => onError(error as Error));
  await new Promise<void>((ready) => watcher.once('ready', ready));
  return {
    deliver: (handler) => {
      onChange = handler;
      schedule();
    },
    close: async () => {
      clearTimeout(timer);
      for (const recheck of rechecks.values()) clearTimeout(recheck);
      await watcher.close();
      await running;
    },
  };
}
