import { readdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { readBounded } from './bounded.js';
import { displayPath } from './collect.js';

/** A translation's `translates:` line, read from the front-matter's text without parsing it. */
export const translatesLine = /^translates:[ \t]*["']?([^"'\r\n#]+?)["']?[ \t]*$/m;

/**
 * The translations of profiles, where translations live (`<edition>/<lang>/<slug>.md` beside the
 * source `<edition>/<slug>.md`) and name that source: a change to a source can make them stale,
 * so a gate that checks the source checks them too.
 */
export async function translationsOf(paths: string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const path of paths) {
    const folder = dirname(path);
    const languages = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const language of languages.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))) {
      const candidate = join(folder, language.name, basename(path));
      const read = await readBounded(candidate);
      if (!('bytes' in read)) continue;
      const translates = translatesLine.exec(Buffer.from(read.bytes.subarray(0, 4096)).toString('utf8'))?.[1];
      if (translates !== undefined && resolve(dirname(candidate), translates) === resolve(path)) found.add(displayPath(candidate));
    }
  }
  return [...found].sort();
}
