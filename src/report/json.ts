import type { Reporter } from './messages.js';

export const jsonReporter: Reporter = (summary) => `${JSON.stringify(summary)}\n`;
