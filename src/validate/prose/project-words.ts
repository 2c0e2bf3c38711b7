import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { displayPath } from '../../read/collect.js';
import { wordList } from './lexicon.js';
import { InputError } from '../../errors.js';

/** The file that lists a project's own words (names of people and places), in its content folder. */
export const projectDictionary = '.dictionary';

/** The folder of a path and its ancestors up to the working folder (up to the root, outside it). */
async function foldersOf(path: string, cwd: string): Promise<string[]> {
  const absolute = resolve(cwd, path);
  let folder = (await stat(absolute).catch(() => undefined))?.isDirectory() ? absolute : dirname(absolute);
  const folders = [folder];
  while (folder !== cwd && dirname(folder) !== folder) {
    folder = dirname(folder);
    folders.push(folder);
  }
  return folders;
}

/**
 * The words of every .dictionary file in the paths' folders and their ancestors up to the working
 * folder, one word a line: `content/.dictionary` serves `content/goci-2021/azerbaijan.md` too.
 */
export async function projectWords(paths: string[], cwd: string = process.cwd()): Promise<string[]> {
  const files = new Set((await Promise.all(paths.map((path) => foldersOf(path, cwd)))).flat().map((folder) => join(folder, projectDictionary)));
  const words: string[] = [];
  for (const path of [...files].sort()) {
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return '';
      throw new InputError(`${displayPath(path)}: cannot read (${error.code ?? error.message})`);
    });
    words.push(...wordList(text));
  }
  return words;
}
