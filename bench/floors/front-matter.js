// The floor's work on profile files read already: parse each front-matter with the same YAML
// library and check it with the compiled ajv schema of its edition; a translation is checked as
// validate checks it, over its source's front-matter. Returns how many are valid.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { schemaValidator } from '../../lib/validate/profile-schema.js';

const frontMatter = (text) => parse(text.slice(4, text.indexOf('\n---', 4)));

export async function validFrontMatters(paths, texts, editions) {
  const parsed = new Map(paths.map((path, index) => [resolve(path), frontMatter(texts[index])]));
  let valid = 0;
  for (const [path, own] of parsed) {
    const sourcePath = own.translates === undefined ? undefined : resolve(dirname(path), own.translates);
    const source = sourcePath === undefined ? undefined : (parsed.get(sourcePath) ?? frontMatter(await readFile(sourcePath, 'utf8')));
    const { translates, translated, ...data } = source ? { ...source, ...own } : own;
    if (schemaValidator(editions.get(data.edition))(data)) valid += 1;
  }
  return valid;
}
