import { createHash } from 'node:crypto';
import { readInputSync } from '../../read/bounded.js';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nspell from 'nspell';
import type { Edition } from '../../edition/edition.js';
import { stylePath, type HouseStyle } from './style.js';
import { InputError } from '../../errors.js';
import { cacheFolder } from '../../package/paths.js';
import { writeAtomically } from '../../write/write.js';

/** What the speller says of a word: known, or unknown with up to n suggestions. */
export type Verdict = { known: true } | { known: false; suggestions: string[]; preferred?: string };

type Speller = ReturnType<typeof nspell>;

/**
 * The maintained dictionaries a style names, built only when a word's verdict is not known yet
 * (nspell takes ~0.3 s a dictionary), and the verdicts so far: in memory, and kept between runs in
 * the cache folder, keyed by everything that decides them.
 */
interface HouseSpeller {
  base: () => Speller;
  ize?: () => Speller;
  houseWords: Set<string>;
  variants: [string, string][];
  /** No suggestions at all (style `suggestions: 0`): a verdict without any is then final. */
  suggestsNothing: boolean;
  /** Verdicts by word: a narrative repeats most of its words, and the corpus repeats its vocabulary. */
  memo: Map<string, Verdict>;
  /** Where the verdicts are kept between runs, and whether new ones were found since they were read. */
  cacheFile: string;
  changed: boolean;
}

const spellers = new Map<string, HouseSpeller>();

/** A Hunspell dictionary (about 550 KB for English) and the verdicts kept between runs stay below this. */
const maxDictionaryBytes = 16 * 1024 * 1024;

/** The two files of a Hunspell dictionary package. */
function dictionaryFiles(name: string): { aff: Buffer; dic: Buffer } {
  let folder: string;
  try {
    folder = dirname(fileURLToPath(import.meta.resolve(name)));
  } catch {
    throw new InputError(`style: dictionary '${name}' is not installed (npm install ${name})`);
  }
  // The package's own index.js reads these two files with a top-level await; read them synchronously.
  const read = (file: string) => readInputSync(join(folder, file), { shown: `${name}/${file}`, limit: maxDictionaryBytes, what: 'a dictionary' });
  return { aff: read('index.aff'), dic: read('index.dic') };
}

/** Made on first call only. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/** Verdicts of an earlier run with the same dictionaries and spelling settings; none if unreadable. */
function readVerdicts(file: string): Map<string, Verdict> {
  try {
    const entries = JSON.parse(readInputSync(file, { shown: file, limit: maxDictionaryBytes }).toString('utf8')) as unknown;
    return Array.isArray(entries) ? new Map(entries as [string, Verdict][]) : new Map();
  } catch {
    return new Map();
  }
}

/**
 * Keeps the verdicts found in this run for the next (validate, check and render call it when done):
 * a warm run needs no dictionary built. Written as every file is (write.ts); a cache that cannot be
 * written is only slower, never an error.
 */
export async function saveSpellingVerdicts(): Promise<void> {
  for (const speller of spellers.values()) {
    if (!speller.changed) continue;
    speller.changed = false;
    // No cache folder (read-only home): the next run builds the dictionaries again.
    await writeAtomically(speller.cacheFile, JSON.stringify([...speller.memo])).catch(() => undefined);
  }
}

/** Lines of a word list without blanks and # comments. */
export function wordList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line !== '');
}

function houseSpeller(spelling: HouseStyle['spelling']): HouseSpeller {
  const key = JSON.stringify(spelling);
  let speller = spellers.get(key);
  if (!speller) {
    const houseText = spelling['house-words'] ? readInputSync(stylePath(spelling['house-words']), { shown: spelling['house-words'], what: 'a word list' }).toString('utf8') : '';
    const base = dictionaryFiles(spelling.dictionary);
    const izeFrom = spelling['ize-from'];
    const ize = izeFrom ? dictionaryFiles(izeFrom) : undefined;
    // Everything that decides a verdict: the settings, the house words and both dictionaries.
    const hash = createHash('sha256').update(key).update(houseText).update(base.aff).update(base.dic);
    if (ize) hash.update(ize.aff).update(ize.dic);
    const cacheFile = cacheFolder(`spelling-${hash.digest('hex').slice(0, 32)}.json`);
    speller = {
      base: once(() => nspell(base.aff, base.dic)),
      ...(ize ? { ize: once(() => nspell(ize.aff, ize.dic)) } : {}),
      houseWords: new Set(wordList(houseText)),
      variants: spelling.variants ?? [],
      suggestsNothing: spelling.suggestions === 0,
      memo: readVerdicts(cacheFile),
      cacheFile,
      changed: false,
    };
    spellers.set(key, speller);
  }
  return speller;
}

// -ise/-isation and their inflections, and the -ize forms they correspond to.
const iseForm = /is(e|es|ed|ing|er|ers|ation|ations|ational)$/;
const izeForm = /iz(e|es|ed|ing|er|ers|ation|ations|ational)$/;

/** Oxford spelling: an -ize word of the ize dictionary whose -ise twin is in the base one. */
function oxford(speller: HouseSpeller, word: string): Verdict | undefined {
  if (!speller.ize) return undefined;
  const [base, ize] = [speller.base(), speller.ize()];
  if (izeForm.test(word) && ize.correct(word) && base.correct(word.replace(izeForm, 'is$1'))) return { known: true };
  if (iseForm.test(word) && base.correct(word)) {
    const twin = word.replace(iseForm, 'iz$1');
    if (ize.correct(twin) && !ize.correct(word)) return { known: false, suggestions: [twin], preferred: twin };
  }
  return undefined;
}

/** The house's spelling of a word spelled another way (labor -> labour), if the style lists the pattern. */
function houseVariant(speller: HouseSpeller, word: string): string | undefined {
  for (const [from, to] of speller.variants) {
    const at = word.lastIndexOf(from);
    if (at === -1) continue;
    const candidate = word.slice(0, at) + to + word.slice(at + from.length);
    if (judge(speller, candidate, 0).known) return candidate;
  }
  return undefined;
}

function judge(speller: HouseSpeller, word: string, limit: number): Verdict {
  const known = speller.memo.get(word);
  if (known) return known;
  let verdict = oxford(speller, word);
  if (!verdict) {
    if (speller.houseWords.has(word) || speller.houseWords.has(word.toLowerCase()) || speller.base().correct(word)) verdict = { known: true };
    else if (word.includes('-') && word.split('-').every((part) => part === '' || judge(speller, part, 0).known)) verdict = { known: true };
    else verdict = { known: false, suggestions: [] };
  }
  if (!verdict.known && limit > 0 && verdict.suggestions.length === 0) {
    const variant = houseVariant(speller, word);
    if (variant) verdict = { known: false, suggestions: [variant], preferred: variant };
  }
  // A compound's parts are checked (and suggested for) one by one; nspell is slow on long words.
  if (!verdict.known && limit > 0 && verdict.suggestions.length === 0 && !word.includes('-')) {
    const suggestions = speller.base().suggest(word).filter((s) => oxford(speller, s)?.known !== false);
    verdict = { known: false, suggestions: suggestions.slice(0, limit) };
  }
  // Only cache what a later call with any limit can reuse (with no suggestions wanted, every verdict:
  // an unknown French word must not cost the French dictionary's build on every run).
  if (verdict.known || limit > 0 || speller.suggestsNothing) {
    speller.memo.set(word, verdict);
    speller.changed = true;
  }
  return verdict;
}

/** Words the edition itself prints: countries, continents, regions and their adjectives, its labels and outline headings. */
function editionWords(edition: Edition): Set<string> {
  const headings = (sections: Edition['outline']): string[] => sections.flatMap((s) => [s.heading, ...headings(s.sections)]);
  const groups = [...edition.criminality.groups, edition.resilience];
  const labels = [edition.title, edition.criminality.label, ...groups.flatMap((g) => [g.label, ...g.indicators.map((i) => i.label)]), ...headings(edition.outline)];
  const names = [...labels, ...edition.continents.flatMap((c) => [c.name, c.adjective, ...c.regions.flatMap((r) => [r.name, r.adjective, ...r.countries])])];
  return new Set(names.flatMap((name) => name.split(/[^\p{L}\p{M}'’-]+/u)).filter((w) => w !== ''));
}

export interface Lexicon {
  /** The verdict on a word as written: undefined for what is not checked (numbers, acronyms). */
  check(token: string): { word: string; verdict: Verdict } | undefined;
}

// Numbers, acronyms (EU, UAE, NGOs) and possessive endings are not spelling.
const notAWord = /\d/;
const acronym = /^\p{Lu}{2,}s?$/u;
const possessive = /['’]s?$/;

function buildLexicon(speller: HouseSpeller, names: Set<string>, limit: number): Lexicon {
  const named = (word: string) => names.has(word);
  // Verdicts by token as written: most tokens of a corpus are repeats, and this skips every test.
  const tokens = new Map<string, { word: string; verdict: Verdict } | undefined>();
  return {
    check(token) {
      if (tokens.has(token)) return tokens.get(token);
      const word = token.replace(possessive, '');
      let result: { word: string; verdict: Verdict } | undefined;
      if (word !== '' && !notAWord.test(word) && !acronym.test(word)) {
        const isNamed = named(word) || (word.includes('-') && word.split('-').every((part) => part === '' || named(part) || judge(speller, part, 0).known));
        result = { word, verdict: isNamed ? { known: true } : judge(speller, word, limit) };
      }
      tokens.set(token, result);
      return result;
    },
  };
}

const lexicons = new WeakMap<Edition, Map<string, Lexicon>>();

/** The house dictionary for one edition and project: the style's speller plus names; one per process. */
export function lexicon(spelling: HouseStyle['spelling'], edition: Edition, projectWords: readonly string[]): Lexicon {
  const key = `${JSON.stringify(spelling)}\n${projectWords.join('\n')}`;
  let byProject = lexicons.get(edition);
  if (!byProject) lexicons.set(edition, (byProject = new Map()));
  let found = byProject.get(key);
  if (!found) {
    found = buildLexicon(houseSpeller(spelling), new Set([...editionWords(edition), ...projectWords]), spelling.suggestions ?? 3);
    byProject.set(key, found);
  }
  return found;
}
