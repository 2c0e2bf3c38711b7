// Start-up benchmark, whole processes: `ocindex --version` against `node -e 0`, and `ocindex
// validate` of one profile and of the whole bundled content against a floor script that reads the
// same files, parses their front-matter with yaml and checks it with a compiled ajv schema.
// Alone: `npm run build && node bench/startup.js [--repeats 9]`.
import { readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { medians, ratio, timeNode } from './process.js';

const one = 'content/goci-2021/azerbaijan.md';
const oneEdition = 'content/goci-2021';
/** How many profiles the bundled content holds (579: three editions of 193). */
const bundled = readdirSync('content', { recursive: true }).filter((name) => name.endsWith('.md')).length;

export function benchStartup({ repeats = 9, log = console.log } = {}) {
  const [node, version, help] = medians([() => timeNode(['-e', '0']), () => timeNode(['bin/ocindex.js', '--version']), () => timeNode(['bin/ocindex.js', '--help'])], repeats);
  const [floorOne, validateOne, floorAll, validateAll] = medians(
    [
      // The same files as `validate` of one profile reads: the profile and the rest of its edition,
      // whose front-matter the corpus rules (ranks, one profile per country) need.
      () => timeNode(['bench/floors/validate.js', oneEdition]),
      () => timeNode(['bin/ocindex.js', 'validate', one]),
      () => timeNode(['bench/floors/validate.js', 'content']),
      () => timeNode(['bin/ocindex.js', 'validate', 'content']),
    ],
    repeats,
  );
  const ms = (value) => `${value.toFixed(0)} ms`;
  log(`start-up (whole process, median of ${repeats})`);
  log(`  node -e 0: ${ms(node)}; ocindex --version: ${ms(version)}, ${ratio(version, node, 3)}; ocindex --help: ${ms(help)}`);
  log(`  validate one profile: ${ms(validateOne)}; floor (its edition's files, which validate reads for ranks) ${ms(floorOne)}; ${ratio(validateOne, floorOne, 2)}`);
  log(`  validate the bundled content (${bundled} profiles): ${ms(validateAll)}; floor ${ms(floorAll)}; ${ratio(validateAll, floorAll, 1.5)}`);
  return { node, version, help, floorOne, validateOne, floorAll, validateAll };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { repeats: { type: 'string' } } });
  benchStartup({ repeats: values.repeats ? Number(values.repeats) : undefined });
}
