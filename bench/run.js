// npm run bench: every benchmark, each against a floor measured in the same run.
import { runRenderBench } from './render.js';
import { benchValidation } from './validate.js';
import { benchProse } from './prose.js';

await benchValidation();
console.log('');
await benchProse();
console.log('\nrendering (target: within 1.3x of the floor)');
await runRenderBench();
