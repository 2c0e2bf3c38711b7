// npm run bench: every benchmark, each against a floor measured in the same run.
import { runPressBench } from './press.js';
import { benchRender } from './render.js';
import { benchStartup } from './startup.js';
import { runTypographyBench } from './typography.js';
import { benchValidation } from './validate.js';
import { benchParseLimits } from './parse-limits.js';
import { benchProse } from './prose.js';

benchStartup();
console.log('');
await benchValidation();
console.log('');
await benchParseLimits();
console.log('');
await benchProse();
console.log('');
await benchRender();
console.log('\ntypography: quotes and hyphenation (target: at most 1.10x the text as written)');
await runTypographyBench();
console.log('\npress target against screen target (target: within 1.25x per profile)');
await runPressBench();
