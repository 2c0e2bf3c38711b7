import { summaryLine, type Reporter } from './messages.js';
import { printableJson } from '../text/unprintable.js';

export const jsonReporter: Reporter = (summary) => `${printableJson({ ...summary, summary: summaryLine(summary) })}\n`;
