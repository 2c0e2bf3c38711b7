import { copyFitCheck } from '../check/copy-fit-id.js';
import { parseChecks, rules } from '../validate/rules/index.js';

/** Every check a message can come from, with what it checks: the rule modules, the parse checks and the gate's copy-fit. */
export const allChecks: readonly { id: string; description: string }[] = [...rules, ...parseChecks, copyFitCheck].map(({ id, description }) => ({ id, description }));
