// Validation benchmark: full validation of the bundled corpus next to a floor measured in the
// same process (read every file, parse its YAML, run the compiled schema: nothing else), and
// the same validation on a synthetic edition ten times larger, to show the work grows linearly.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { validFrontMatters } from './floors/front-matter.js';
import { loadEditions } from '../lib/edition/load.js';
import { buildEdition } from '../lib/edition/edition.js';
import { collectProfiles, readSources } from '../lib/read/collect.js';
import { validateSources } from '../lib/validate/validate.js';
import { readFileSync } from 'node:fs';
import { packagePath } from '../lib/package/paths.js';
import { projectWords } from '../lib/validate/prose/project-words.js';

const repeats = 7;

/**
 * Median times of several runs, taken in turns (a, b, c, a, b, c, ...) so that a change in
 * machine load during the benchmark weighs on every figure alike.
 */
export async function medians(runs) {
  for (const run of runs) await run(); // warm-up: JIT, schema compilation, module loading
  const times = runs.map(() => []);
  for (let i = 0; i < repeats; i += 1) {
    for (const [index, run] of runs.entries()) {
      const start = performance.now();
      await run();
      times[index].push(performance.now() - start);
    }
  }
  return times.map((list) => list.sort((a, b) => a - b)[Math.floor(repeats / 2)]);
}

const editions = loadEditions();
const paths = await collectProfiles(['content']);

/** The floor: read, split off the front-matter, yaml.parse, precompiled schema. */
async function floor() {
  // Read as the validator reads: all files at once.
  const texts = await Promise.all(paths.map((path) => readFile(path, 'utf8')));
  const valid = await validFrontMatters(paths, texts, editions);
  if (valid !== paths.length) throw new Error(`floor: ${valid} of ${paths.length} valid`);
}

// The bundled project's word list, as loadCorpus finds it in content/.dictionary.
const prose = { words: await projectWords(['content']), atFinal: 'warning' };

async function full(sourcesOf, editionMap, expected) {
  const sources = await sourcesOf();
  const { files } = validateSources(sources, editionMap, {}, undefined, { prose });
  const messages = files.reduce((n, f) => n + f.messages.length, 0);
  if (files.length !== expected || messages !== 0) throw new Error(`full: ${files.length} profiles, ${messages} messages`);
}

/** goci-2021 with every country ten times ("Angola (1)" ... "Angola (10)"), ranks scaled to match. */
async function syntheticEdition() {
  const source = parse(readFileSync(packagePath('editions', 'goci-2021.yaml'), 'utf8'));
  for (const continent of source.geography.continents) {
    // Codes are made up too (AZE1 ... AZE10): the synthetic countries are not the index's.
    for (const region of continent.regions) region.countries = Object.fromEntries(Object.entries(region.countries).flatMap(([c, code]) => Array.from({ length: 10 }, (_, k) => [`${c} (${k + 1})`, `${code}${k + 1}`])));
  }
  const edition = buildEdition(source);
  const originals = await readSources(await collectProfiles(['content/goci-2021']));
  const sources = [];
  for (const { bytes } of originals) {
    const text = Buffer.from(bytes).toString('utf8');
    if (/^translates:/m.test(text)) continue; // a translation names no country of its own
    const country = /^country: (.*)$/m.exec(text)[1];
    const scaled = text.replace(/(global|continent|region): (\d+)/g, (_, scope, rank) => `${scope}: ${10 * Number(rank) - 9}`);
    for (let k = 1; k <= 10; k += 1) {
      const name = `${country} (${k})`;
      const path = `synthetic/goci-2021/${edition.countryByName.get(name).slug}.md`;
      sources.push({ path, bytes: Buffer.from(scaled.replace(`country: ${country}\n`, `country: ${name}\n`)) });
    }
  }
  return { editions: new Map([['goci-2021', edition]]), sources };
}

export async function benchValidation() {
  const base = await readSources(await collectProfiles(['content/goci-2021']));
  const synthetic = await syntheticEdition();
  const [floorMs, fullMs, baseMs, syntheticMs] = await medians([
    floor,
    () => full(async () => readSources(await collectProfiles(['content'])), editions, paths.length),
    () => full(async () => base, editions, base.length),
    () => full(async () => synthetic.sources, synthetic.editions, synthetic.sources.length),
  ]);
  const perProfile = (ms, n) => `${((ms / n) * 1000).toFixed(0)} µs/profile`;
  console.log('validation');
  console.log(`  floor (read + yaml.parse + compiled schema), ${paths.length} profiles: ${floorMs.toFixed(0)} ms (${perProfile(floorMs, paths.length)})`);
  console.log(`  full validation, ${paths.length} profiles: ${fullMs.toFixed(0)} ms (${perProfile(fullMs, paths.length)})  ratio ${(fullMs / floorMs).toFixed(2)}x the floor (target <= 1.5x)`);
  console.log(`  goci-2021 in memory, ${base.length} profiles: ${baseMs.toFixed(0)} ms (${perProfile(baseMs, base.length)})`);
  console.log(`  synthetic goci-2021 x10 in memory, ${synthetic.sources.length} profiles: ${syntheticMs.toFixed(0)} ms (${perProfile(syntheticMs, synthetic.sources.length)})  ${(syntheticMs / baseMs).toFixed(1)}x the time for ${synthetic.sources.length / base.length}x the profiles (linear: 10x)`);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchValidation();
