import { readdirSync } from 'node:fs';
import { readInputSync } from '../read/bounded.js';
import { basename, join } from 'node:path';
import { packagePath } from '../package/paths.js';
import type { ValidProfile } from '../profile/valid.js';
import { inlineAssets } from './assets.js';
import { fillTemplate } from './template.js';
import { profileView, type ViewOptions } from '../view/view-model.js';

export interface HtmlOptions extends ViewOptions {
  /** 'press': the sheet with bleed of templates/press.css, `<html class="press">`; default 'screen'. */
  target?: 'screen' | 'press';
}

const templateFolder = packagePath('templates');
const pageTemplate = 'profile.html';
const stylesheet = join(templateFolder, 'profile.css');
const pressStylesheet = join(templateFolder, 'press.css');

/** A template or stylesheet, read as every file is. */
const readText = (path: string) => readInputSync(path, { shown: path, what: 'a template' }).toString('utf8');

/** The other .html files of templates/ are partials: templates/bar.html is {{> bar}}. */
function partials(): Record<string, string> {
  const names = readdirSync(templateFolder).filter((name) => name.endsWith('.html') && name !== pageTemplate);
  return Object.fromEntries(names.map((name) => [basename(name, '.html'), readText(join(templateFolder, name))]));
}

/**
 * The profile as one standalone HTML document: two A4 pages, the stylesheet and its fonts inlined,
 * nothing for the browser to fetch. The templates are read on each call, so a designer's edit
 * shows on the next render.
 */
export function renderHtml(entry: ValidProfile, options: HtmlOptions = {}): string {
  const press = options.target === 'press';
  let css = inlineAssets(readText(stylesheet), stylesheet);
  if (press) css += `\n${inlineAssets(readText(pressStylesheet), pressStylesheet)}`;
  const view = { ...profileView(entry, options), stylesheet: css, press };
  return fillTemplate(readText(join(templateFolder, pageTemplate)), view, partials(), pageTemplate);
}
