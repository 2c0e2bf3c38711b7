import { existsSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { displayPath } from '../../read/collect.js';
import { readInput } from '../../read/bounded.js';
import { projectRootMarkers } from '../../read/project-files.js';
import { wordList } from './lexicon.js';

/** The file that lists a project's own words (names of people and places), in its content folder. */
export const projectDictionary = '.dictionary';

const isProjectRoot = (folder: string) => projectRootMarkers.some((marker) => existsSync(join(folder, marker)));

/** Folders that are no project's, whose .dictionary is never read: the file-system root, the home and temporary folders. */
const sharedFolders = () => new Set([homedir(), tmpdir()].map((folder) => resolve(folder)));

/**
 * The folder of a path and its ancestors up to the working folder or the project's root (a folder
 * with a config, package.json or .git), whichever comes first; never above. A path in no project
 * goes up to below the file-system root, the home folder or the temporary folder: a .dictionary
 * in / or /tmp is no project's.
 */
async function foldersOf(path: string, cwd: string): Promise<string[]> {
  const absolute = resolve(cwd, path);
  let folder = (await stat(absolute).catch(() => undefined))?.isDirectory() ? absolute : dirname(absolute);
  const shared = sharedFolders();
  const folders = [folder];
  while (folder !== cwd && !isProjectRoot(folder)) {
    const parent = dirname(folder);
    if (parent === folder || shared.has(parent) || dirname(parent) === parent) break;
    folder = parent;
    folders.push(folder);
  }
  return folders;
}

/**
 * The words of every .dictionary file in the paths' folders and their ancestors up to the working
 * folder or the project's root, one word a line: `content/.dictionary` serves
 * `content/goci-2021/azerbaijan.md` too. Each is read as every file is (a regular file of at most
 * 1 MB); a missing one is no error.
 */
export async function projectWords(paths: string[], cwd: string = process.cwd()): Promise<string[]> {
  const files = new Set((await Promise.all(paths.map((path) => foldersOf(path, cwd)))).flat().map((folder) => join(folder, projectDictionary)));
  const words: string[] = [];
  for (const path of [...files].sort()) {
    if (!(await stat(path).then(() => true, () => false))) continue;
    const text = (await readInput(path, { shown: displayPath(path), what: 'a word list' })).toString('utf8');
    // One at a time: push(...list) passes each word as an argument, and 120,000 overflow the stack.
    for (const word of wordList(text)) words.push(word);
  }
  return words;
}
