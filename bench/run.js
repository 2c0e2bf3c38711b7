// npm run bench: every benchmark, each against a floor measured in the same run.
import { benchValidation } from './validate.js';

await benchValidation();
