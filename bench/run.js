// npm run bench: every benchmark, each against a floor measured in the same run.
import { runPressBench, runRenderBench } from './render.js';
import { runTypographyBench } from './typography.js';
import { benchValidation } from './validate.js';

await benchValidation();
console.log('\nrendering (target: within 1.3x of the floor)');
await runRenderBench();
console.log('\ntypography: quotes and hyphenation (target: at most 1.10x the text as written)');
await runTypographyBench();
console.log('\npress target against screen target (target: within 1.25x per profile)');
await runPressBench();
