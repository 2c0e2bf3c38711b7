import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { watch } from 'chokidar';
import { collectProfilesAndFolders, folderIdentity, isProfileFileName, isSkippedFolder } from '../read/collect.js';

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
  // chokidar follows links to folders but not always once: `up -> ..` beside `self -> .` had it
  // walk paths without end. Each real folder is watched by one path, the one the profiles are read
  // by (collectProfiles' walk), or for a folder made later the first one seen.
  const { folders } = await collectProfilesAndFolders([root]);
  const isOtherPathOfFolder = (path: string, identity: string) => {
    const first = folders.get(identity);
    if (first === undefined || first === path) {
      folders.set(identity, path);
      return false;
    }
    // The folder was renamed or moved: the path it has now takes over.
    const still = statSync(first, { throwIfNoEntry: false });
    if (still && folderIdentity(still) === identity) return true;
    folders.set(identity, path);
    return false;
  };
  const ignored = (path: string) => {
    if (path === root) return false;
    if (isHidden(basename(path))) return true;
    // Stat, not the stats chokidar may pass: those can be a link's own.
    const info = statSync(path, { throwIfNoEntry: false });
    if (info?.isDirectory()) return isOtherPathOfFolder(path, folderIdentity(info));
    return info?.isFile() === true && !isProfileFile(path);
  };
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
