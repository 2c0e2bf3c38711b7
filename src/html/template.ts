import { TemplateError } from '../errors.js';

/**
 * A tiny Mustache subset for the designer-editable templates:
 *   {{name.path}}    the value, HTML-escaped;
 *   {{{name.path}}}  the value as is (only for HTML the renderer made safe, e.g. the narrative);
 *   {{#name}}...{{/name}}  repeated for each item of a list, or shown once when the value is truthy;
 *   {{^name}}...{{/name}}  shown when the value is missing, false or an empty list;
 *   {{> partial}}    another template, by name;
 *   {{.}}            the current list item.
 * A name the view does not have is an error, so a typo in a template fails loudly.
 */

type Node =
  | string
  | { kind: 'value'; name: string; raw: boolean }
  | { kind: 'partial'; name: string }
  | { kind: 'section'; name: string; inverted: boolean; children: Node[] };

type Section = Extract<Node, { kind: 'section' }>;

const tagPattern = /\{\{\{\s*([\w.]+)\s*\}\}\}|\{\{\s*([#^/>]?)\s*([\w.-]+)\s*\}\}/g;

function parse(template: string, templateName: string): Node[] {
  const root: Section = { kind: 'section', name: '', inverted: false, children: [] };
  const open: Section[] = [root];
  let last = 0;
  for (const match of template.matchAll(tagPattern)) {
    const top = open.at(-1) as Section;
    top.children.push(template.slice(last, match.index));
    last = match.index + match[0].length;
    const [, rawName, sigil, name = ''] = match;
    if (rawName) top.children.push({ kind: 'value', name: rawName, raw: true });
    else if (sigil === '>') top.children.push({ kind: 'partial', name });
    else if (sigil === '#' || sigil === '^') {
      const section: Section = { kind: 'section', name, inverted: sigil === '^', children: [] };
      top.children.push(section);
      open.push(section);
    } else if (sigil === '/') {
      if (top.name !== name) throw new TemplateError(`${templateName}: {{/${name}}} does not close {{#${top.name}}}`);
      open.pop();
    } else top.children.push({ kind: 'value', name, raw: false });
  }
  if (open.length > 1) throw new TemplateError(`${templateName}: {{#${(open.at(-1) as Section).name}}} is never closed`);
  root.children.push(template.slice(last));
  return root.children;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c] as string);
}

function lookup(contexts: unknown[], name: string, templateName: string): unknown {
  if (name === '.') return contexts.at(-1);
  const [first = '', ...rest] = name.split('.');
  const holder = [...contexts].reverse().find((c) => typeof c === 'object' && c !== null && first in c);
  if (holder === undefined) throw new TemplateError(`${templateName}: the view has no '${name}'`);
  let value = (holder as Record<string, unknown>)[first];
  for (const key of rest) value = (value as Record<string, unknown> | null | undefined)?.[key];
  return value;
}

function text(value: unknown, name: string, templateName: string): string {
  if (value === undefined || value === null || value === false) return '';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  throw new TemplateError(`${templateName}: {{${name}}} is a ${Array.isArray(value) ? 'list' : typeof value}; use {{#${name}}}`);
}

/** Fills a template with a view; `partials` are the templates {{> name}} may include. */
export function fillTemplate(template: string, view: object, partials: Record<string, string> = {}, templateName = 'template'): string {
  const render = (nodes: Node[], contexts: unknown[], where: string): string =>
    nodes
      .map((node) => {
        if (typeof node === 'string') return node;
        if (node.kind === 'partial') {
          const partial = partials[node.name];
          if (partial === undefined) throw new TemplateError(`${where}: no partial template '${node.name}'`);
          return render(parse(partial, node.name), contexts, node.name);
        }
        const value = lookup(contexts, node.name, where);
        if (node.kind === 'value') {
          const content = text(value, node.name, where);
          return node.raw ? content : escapeHtml(content);
        }
        const items = Array.isArray(value) ? value : value ? [value] : [];
        if (node.inverted) return items.length === 0 ? render(node.children, contexts, where) : '';
        return items.map((item) => render(node.children, [...contexts, item], where)).join('');
      })
      .join('');
  return render(parse(template, templateName), [view], templateName);
}
