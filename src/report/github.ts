import { summaryLine, type Reporter } from './messages.js';
import { escapeUnprintable } from '../text/unprintable.js';

// Workflow command escaping, as @actions/core does it.
const escapeData = (s: string) => escapeUnprintable(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions annotations: one ::error or ::warning line per message. */
export const githubReporter: Reporter = (summary) => {
  const { messages } = summary;
  const lines = messages.map(
    (m) => `::${m.severity} file=${escapeProperty(m.file)},line=${m.line},col=${m.column},title=${escapeProperty(`ocindex ${m.ruleId}`)}::${escapeData(m.message)}`,
  );
  lines.push(summaryLine(summary));
  return `${lines.join('\n')}\n`;
};
