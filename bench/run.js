// npm run bench: every benchmark, each against a floor measured in the same run.
import { runPressBench, runRenderBench } from './render.js';
import { benchValidation } from './validate.js';

await benchValidation();
console.log('\nrendering (target: within 1.3x of the floor)');
await runRenderBench();
console.log('\npress target against screen target (target: within 1.25x per profile)');
await runPressBench();
