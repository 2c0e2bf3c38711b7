import { styleText } from 'node:util';
import type { Reporter } from './messages.js';
import { plural } from '../io/suggest.js';


/** file:line:column  severity  reason  rule-id, then a summary line. */
export const humanReporter: Reporter = ({ profiles, errors, warnings, messages }, { color }) => {
  const paint = (style: Parameters<typeof styleText>[0], text: string) => (color ? styleText(style, text) : text);
  const lines = messages.map((m) => {
    const severity = m.severity === 'error' ? paint('red', 'error  ') : paint('yellow', 'warning');
    return `${m.file}:${m.line}:${m.column}  ${severity}  ${m.message}  ${paint('dim', m.ruleId)}`;
  });
  const verdict = errors === 0 ? paint('green', 'no errors') : paint('red', plural(errors, 'error'));
  lines.push(`${plural(profiles, 'profile')} checked: ${verdict}, ${plural(warnings, 'warning')}`);
  return `${lines.join('\n')}\n`;
};
