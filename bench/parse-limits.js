// Parse limits: the worst 1 MB profiles the limits let through, next to the seed profile parsed in
// the same run. Target: any 1 MB profile parses in about a second or less.
import { readFileSync } from 'node:fs';
import { narrativeLimits } from '../lib/profile/limits.js';
import { parseProfile } from '../lib/profile/parse.js';
import { medians } from './validate.js';

const megabyte = 1024 * 1024;
const seed = readFileSync('content/goci-2021/azerbaijan.md', 'utf8');
const frontMatter = seed.slice(0, seed.indexOf('\n---', 4) + 5);
/** A profile of 1 MB: the seed's front-matter, then `block` repeated. */
const filled = (block) => frontMatter + block.repeat(Math.ceil(megabyte / block.length)).slice(0, megabyte - frontMatter.length - 1);
/** As many `block`s as the markup budget allows (units: lines, markup characters, levels), then prose to 1 MB. */
const budgeted = (block, units) => {
  const head = frontMatter + block.repeat(Math.floor(narrativeLimits.markup / units) - 1);
  return head + 'word '.repeat(Math.ceil((megabyte - head.length) / 5)).slice(0, megabyte - head.length - 1);
};

const cases = {
  'seed profile (14 KB)': seed,
  'one 1 MB paragraph of words': filled('word '),
  '1 MB of 600-character prose lines': filled(`${'word '.repeat(120)}\n`),
  'emphasis, 200 delimiters a paragraph': budgeted(`${'*'.repeat(99)}a${'*'.repeat(99)}\n\n`, 200),
  'links, 200 brackets a paragraph': budgeted(`${'[a](b) '.repeat(50)}\n\n`, 202),
  '8-deep quotes': budgeted(`${'>'.repeat(8)} a\n`, 33),
  '8-deep lists': budgeted(`${'- '.repeat(8)}a\n`, 33),
  'one-word lines': budgeted('a\n', 1),
};

export async function benchParseLimits() {
  const bytes = Object.values(cases).map((text) => Buffer.from(text));
  const times = await medians(bytes.map((b) => () => parseProfile('bench.md', b)));
  const [seedMs] = times;
  console.log('\nparsing the largest profiles the limits let through (target: about 1 s or less)');
  Object.keys(cases).forEach((name, index) => {
    const ms = times[index];
    console.log(`  ${name.padEnd(40)} ${(bytes[index].length / 1024).toFixed(0).padStart(5)} KB ${ms.toFixed(0).padStart(6)} ms  ${(ms / seedMs).toFixed(0).padStart(4)}x the seed`);
  });
}
