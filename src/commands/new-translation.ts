import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import type { Edition } from '../edition/edition.js';
import { findCountry } from '../edition/find-country.js';
import { InputError } from '../errors.js';
import { NoTermbase, printedEdition } from '../language/printed.js';
import { outlineMarkdown } from '../profile/outline.js';
import { parseProfile } from '../profile/parse.js';
import { displayPath } from '../read/collect.js';

/**
 * A new translation of a profile (a file, or a country's profile in the content folder): beside it
 * at <edition>/<lang>/<slug>.md, naming its source, as a draft with the outline in that language.
 */
export async function newTranslation(query: string, lang: string, editions: Map<string, Edition>, where: { content: string; edition?: string }): Promise<{ path: string; text: string }> {
  let sourcePath = query;
  if (!query.endsWith('.md')) {
    const edition = where.edition ? editions.get(where.edition) : [...editions.values()].sort((a, b) => b.year - a.year)[0];
    if (!edition) throw new InputError(`unknown edition '${where.edition}'; expected one of ${[...editions.keys()].join(', ')}`);
    sourcePath = join(where.content, edition.id, `${findCountry(edition, query).slug}.md`);
  }
  if (!existsSync(sourcePath)) throw new InputError(`${displayPath(sourcePath)}: no such profile to translate`);
  const parsed = parseProfile(sourcePath, await readFile(sourcePath));
  const edition = 'profile' in parsed ? editions.get(String(parsed.profile.data.edition)) : undefined;
  if (!('profile' in parsed) || !edition) throw new InputError(`${displayPath(sourcePath)}: not a valid profile (run ocindex validate on it first)`);
  const printed = printedEdition(edition, lang);
  if (printed instanceof NoTermbase) throw new InputError(printed.reason);
  if (printed.missing.length > 0) throw new InputError(`${printed.termbase.file} lacks ${printed.missing.map((m) => m.key).join(', ')}: add them first`);
  const path = join(dirname(sourcePath), lang, basename(sourcePath));
  if (existsSync(path)) throw new InputError(`${displayPath(path)} already exists; not overwritten`);
  const translates = relative(dirname(path), sourcePath).replaceAll('\\', '/');
  const front = [`translates: ${translates}`, `lang: ${lang}`, 'status: draft'];
  return { path, text: `---\n${front.join('\n')}\n---\n${outlineMarkdown(printed.edition.outline)}` };
}
