// npm run bench: every benchmark, each against a floor measured in the same run.
import { runAccessibilityBench } from './accessibility.js';
import { runPressBench } from './press.js';
import { benchRender } from './render.js';
import { benchStartup } from './startup.js';
import { runTypographyBench } from './typography.js';
import { benchValidation } from './validate.js';
import { benchParseLimits } from './parse-limits.js';
import { benchProse } from './prose.js';
import { benchDiff } from './diff.js';
import { benchTranslation } from './translation.js';

/** Each benchmark in turn, with its heading where the benchmark prints none of its own. */
const benches = [
  [undefined, benchStartup],
  [undefined, benchValidation],
  [undefined, benchParseLimits],
  [undefined, benchProse],
  [undefined, benchDiff],
  [undefined, benchRender],
  ['typography: quotes and hyphenation (target: at most 1.10x the text as written)', runTypographyBench],
  ['press target against screen target (target: within 1.25x per profile)', runPressBench],
  ['PDF/UA: the accessibility work against today\'s output, per printed profile (target: at most 1.10x)', runAccessibilityBench],
  ['a French translation against its English source (target: within 1.10x per profile)', benchTranslation],
];
for (const [index, [heading, bench]] of benches.entries()) {
  if (index > 0) console.log('');
  if (heading) console.log(heading);
  await bench();
}
