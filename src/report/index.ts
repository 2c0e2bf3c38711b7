import { githubReporter } from './github.js';
import { humanReporter } from './human.js';
import { jsonReporter } from './json.js';
import type { Reporter } from './messages.js';
import { sarifReporter } from './sarif.js';

export const reporters: Record<string, Reporter> = { human: humanReporter, json: jsonReporter, github: githubReporter, sarif: sarifReporter };
