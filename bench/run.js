// npm run bench: every benchmark, each against a floor measured in the same run.
import { benchRender } from './render.js';
import { benchStartup } from './startup.js';
import { benchValidation } from './validate.js';

benchStartup();
console.log('');
await benchValidation();
console.log('');
await benchRender();
