import { escapeHtml } from '../html/template.js';

/** HTML already safe to insert: html`` does not escape it again. */
export class Markup {
  constructor(readonly text: string) {}
}

function textOf(value: unknown): string {
  if (value instanceof Markup) return value.text;
  if (Array.isArray(value)) return value.map(textOf).join('');
  if (value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/** A template literal whose values are escaped, but Markup and lists of Markup; undefined and false print nothing. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Markup {
  return new Markup(strings.reduce((out, string, index) => out + textOf(values[index - 1]) + string));
}
