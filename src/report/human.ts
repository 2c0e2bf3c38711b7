import { styleText } from 'node:util';
import { summaryLine, type Reporter } from './messages.js';
import { escapeUnprintable } from '../text/unprintable.js';

/** file:line:column  severity  reason  rule-id per message, each column aligned, then the summary line. */
export const humanReporter: Reporter = (summary, { color }) => {
  const { errors } = summary;
  // A file name or a message quoting the file may hold a line break or a bidirectional control.
  const messages = summary.messages.map((m) => ({ ...m, file: escapeUnprintable(m.file), message: escapeUnprintable(m.message) }));
  const paint = (style: Parameters<typeof styleText>[0], text: string) => (color ? styleText(style, text) : text);
  const places = messages.map((m) => `${m.file}:${m.line}:${m.column}`);
  const placeWidth = Math.max(0, ...places.map((p) => p.length));
  const reasonWidth = Math.max(0, ...messages.map((m) => m.message.length));
  // Padding is added outside the colour codes so that the columns line up in a terminal too.
  const lines = messages.map((m, index) => {
    const severity = m.severity === 'error' ? paint('red', 'error  ') : paint('yellow', 'warning');
    return `${(places[index] as string).padEnd(placeWidth)}  ${severity}  ${m.message.padEnd(reasonWidth)}  ${paint('dim', m.ruleId)}`;
  });
  lines.push(paint(errors === 0 ? 'green' : 'red', summaryLine(summary)));
  return `${lines.join('\n')}\n`;
};
