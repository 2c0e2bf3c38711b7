import { existsSync, statSync } from 'node:fs';
import { readInput } from '../read/bounded.js';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { InputError, firstLine } from '../errors.js';
import { configLoadMs, plainSettings, withinTime } from './plain.js';
import { didYouMean, listed } from '../text/english.js';
import type { RuleSettings } from '../validate/validate.js';
import type { ProseSettings } from '../validate/rule.js';
import { allChecks } from '../report/checks.js';
import { describeSchemaError } from './problems.js';
import type { RenderTarget } from '../render/corpus.js';
import { readSchema } from '../package/schemas.js';
import { configFiles } from '../read/project-files.js';

/** The settings every command starts from: the config file's, else these defaults. Paths are absolute. */
export interface Config {
  /** The file the settings came from ("ocindex.config.json", "package.json"), if any. */
  source?: string;
  /** Folder of the profiles, <edition>/<slug>.md. */
  content: string;
  /** Folder rendered files go to. */
  output: string;
  /** Per rule id: 'off', or the severity its messages get. */
  rules: RuleSettings;
  /** How many profiles are rendered at once; undefined leaves it to the command. */
  concurrency?: number;
  /** What render prints: the screen PDF, the press PDF or both; undefined leaves it to the command. */
  targets?: RenderTarget[];
  /** Folders of extra edition files besides the shipped ones. */
  editions: string[];
  /** The prose rules' extra words (besides content/.dictionary) and their severity at final. */
  prose: ProseSettings;
}

/** The settings as written, once they fit schemas/config.schema.json. */
interface ConfigSource {
  content?: string;
  output?: string;
  rules?: RuleSettings;
  concurrency?: number;
  targets?: RenderTarget[];
  editions?: string[];
  prose?: Partial<ProseSettings>;
}

export type { RenderTarget };


/** The settings each source holds, if it holds any; `prefix` is where they sit inside the file. */
async function findSettings(cwd: string, loadMs: number): Promise<{ file: string; prefix: string[]; settings: unknown }[]> {
  const found = [];
  for (const file of configFiles.filter((f) => existsSync(join(cwd, f)))) {
    found.push({ file, prefix: [], settings: await readConfigFile(join(cwd, file), file, loadMs) });
  }
  const pkg = join(cwd, 'package.json');
  if (existsSync(pkg)) {
    const json = parseJson((await readInput(pkg, { shown: 'package.json', what: 'package.json' })).toString('utf8'), 'package.json') as Record<string, unknown> | null;
    if (json !== null && typeof json === 'object' && 'ocindex' in json) found.push({ file: 'package.json', prefix: ['ocindex'], settings: json.ocindex });
  }
  return found;
}

/** The range of `concurrency`, the same for the config (its schema) and the --concurrency flag. */
export const concurrencyRange = (({ minimum, maximum }) => ({ minimum, maximum }))((readSchema('config.schema.json') as { properties: { concurrency: { minimum: number; maximum: number } } }).properties.concurrency);

/** JSON.parse, but a mistake names its line and column (JSON.parse gives an offset, or nothing). */
function parseJson(text: string, file: string): unknown {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  // The value comes from JSON.parse, which keeps a "__proto__" key as a key (for the checks to
  // name); jsonc-parser assigns it, and would set the object's prototype instead.
  if (first === undefined) return JSON.parse(text) as unknown;
  const before = text.slice(0, first.offset).split('\n');
  const reason = jsonErrorReasons[printParseErrorCode(first.error)] ?? printParseErrorCode(first.error);
  throw new InputError(`${file}:${before.length}:${(before.at(-1)?.length ?? 0) + 1}: not valid JSON: ${reason}`);
}

const jsonErrorReasons: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'not a number',
  PropertyNameExpected: 'expected a "quoted" key (no comma after the last one)',
  ValueExpected: 'expected a value (no comma after the last one)',
  ColonExpected: "expected ':' after the key",
  CommaExpected: "expected ',' before the next entry",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: 'unexpected text after the end',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut short',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape in a string',
  InvalidCharacter: 'a control character in a string',
};

async function readConfigFile(path: string, file: string, loadMs: number): Promise<unknown> {
  // Read as every file is, a JS config too: a pipe or a device is refused before import() waits on it.
  const text = (await readInput(path, { shown: file, what: 'a config' })).toString('utf8');
  if (file.endsWith('.json')) return parseJson(text, file);
  // The modification time in the URL makes a changed file load afresh (a watching preview reloads it).
  const url = `${pathToFileURL(path).href}?mtime=${statSync(path).mtimeMs}`;
  const module = (await withinTime(import(url), file, loadMs).catch((error: unknown) => {
    if (error instanceof InputError) throw error;
    throw new InputError(`${file}: cannot load: ${firstLine(error)}`);
  })) as { default?: unknown };
  const settings = await withinTime(Promise.resolve(module.default), file, loadMs).catch((error: unknown) => {
    if (error instanceof InputError) throw error;
    throw new InputError(`${file}: the settings failed: ${firstLine(error)}`);
  });
  if (settings === undefined) throw new InputError(`${file}: export the settings as the default export (export default { ... })`);
  return plainSettings(settings, file);
}

/** Every mistake of the settings, one "file: key: reason" line each. */
function mistakesOf(settings: unknown, file: string, prefix: string[], cwd: string): string[] {
  const check = new Ajv({ allErrors: true, verbose: true }).addSchema(readSchema('style.schema.json')).compile<ConfigSource>(readSchema('config.schema.json'));
  const at = (key: string) => `${file}: ${key ? `${key}: ` : ''}`;
  if (!check(settings)) return (check.errors ?? []).map((e) => describeSchemaError(e, prefix)).map(({ key, reason }) => `${at(key)}${reason}`);
  const known = allChecks.map((c) => c.id);
  const mistakes: string[] = [];
  for (const id of Object.keys(settings.rules ?? {}).filter((id) => !known.includes(id))) {
    mistakes.push(`${at([...prefix, 'rules', id].join('.'))}unknown rule; the rules are ${listed(known, 'and')}${didYouMean(id, known)}`);
  }
  (settings.editions ?? []).forEach((folder, index) => {
    const path = resolve(cwd, folder);
    if (!existsSync(path) || !statSync(path).isDirectory()) mistakes.push(`${at(`${[...prefix, 'editions'].join('.')}[${index}]`)}no such folder '${folder}'`);
  });
  return mistakes;
}

/**
 * The settings of a working folder: ocindex.config.json, .js or .mjs there, or the "ocindex"
 * key of its package.json; defaults where none sets a value. Mistakes throw an InputError
 * naming the file and the key.
 */
export async function loadConfig(cwd: string = process.cwd(), { loadMs = configLoadMs }: { loadMs?: number } = {}): Promise<Config> {
  const sources = await findSettings(cwd, loadMs);
  if (sources.length > 1) throw new InputError(`settings found in ${listed(sources.map((s) => s.file))}; keep them in one place`);
  const source = sources[0];
  const settings = (source?.settings ?? {}) as ConfigSource;
  if (source) {
    const mistakes = mistakesOf(source.settings, source.file, source.prefix, cwd);
    if (mistakes.length > 0) throw new InputError(mistakes.join('\n'));
  }
  return {
    source: source?.file,
    content: resolve(cwd, settings.content ?? 'content'),
    output: resolve(cwd, settings.output ?? 'dist'),
    rules: settings.rules ?? {},
    concurrency: settings.concurrency,
    ...(settings.targets ? { targets: settings.targets } : {}),
    editions: (settings.editions ?? []).map((folder) => resolve(cwd, folder)),
    prose: { words: settings.prose?.words ?? [], atFinal: settings.prose?.atFinal ?? 'warning', style: settings.prose?.style },
  };
}
