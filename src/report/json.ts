import { summaryLine, type Reporter } from './messages.js';

export const jsonReporter: Reporter = (summary) => `${JSON.stringify({ ...summary, summary: summaryLine(summary) })}\n`;
