// The floor of `ocindex validate`, as a whole process: read the same profile files, parse each
// front-matter with the same YAML library and check it with a compiled ajv schema of its edition.
// Nothing else: no Markdown, no rules, no report. Usage: node bench/floors/validate.js <paths...>
import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadEditions } from '../../lib/edition/load.js';
import { validFrontMatters } from './front-matter.js';

const files = (path) => (statSync(path).isDirectory() ? readdirSync(path).flatMap((name) => files(join(path, name))) : path.endsWith('.md') ? [path] : []);
const paths = process.argv.slice(2).flatMap(files);
const editions = loadEditions();
const texts = await Promise.all(paths.map((path) => readFile(path, 'utf8')));
const valid = await validFrontMatters(paths, texts, editions);
if (valid !== paths.length) throw new Error(`${valid} of ${paths.length} valid`);
process.stdout.write(`${valid} profiles\n`);
