import { describeOverflow } from '../engine/pdf.js';
import { countMessages, summarize, type FlatMessage } from '../report/messages.js';
import type { FitResult } from '../engine/fit-meter.js';
import { html, type Markup } from './markup.js';
import { imageUrlOf, urlOf } from './routes.js';
import type { ProfileState } from './workspace.js';
import { plural } from '../text/english.js';

export const counts = ({ errors, warnings }: { errors: number; warnings: number }) => `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;

function document(title: string, body: Markup, data: Record<string, string> = {}): string {
  const attributes = Object.entries(data).map(([name, value]) => html` data-${name}="${value}"`);
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title} – ocindex preview</title>
<link rel="stylesheet" href="/preview.css">
<script src="/preview.js" defer></script>
</head>
<body${attributes}>
<nav><a href="/">All profiles</a><span id="connection">connecting…</span></nav>
${body}
</body>
</html>
`.text;
}

/** Country, edition and status as far as they can be read: from the valid data, else the fields as written, else the file's place. */
export function describeProfile({ key, entry, parsed, source }: ProfileState): { country?: string; edition?: string; status?: string } {
  if (entry) return { country: entry.data.country, edition: entry.edition.id, status: entry.data.status };
  const data: Record<string, unknown> = 'profile' in parsed ? parsed.profile.data : {};
  const text = new TextDecoder().decode(source.bytes.subarray(0, 4096));
  // A file whose YAML does not parse may still hold the lines.
  const field = (name: string) => (typeof data[name] === 'string' ? (data[name] as string) : new RegExp(`^${name}:[ \\t]*["']?([^"'#\\r\\n]*?)["']?[ \\t]*(?:#.*)?\\r?$`, 'm').exec(text)?.[1] || undefined);
  return { country: field('country'), edition: field('edition') ?? key.split('/')[0], status: field('status') };
}

interface Row {
  state: ProfileState;
  country?: string;
  edition?: string;
  status?: string;
  errors: number;
  warnings: number;
}

const sortKeys = ['file', 'country', 'edition', 'status', 'errors', 'warnings'] as const;
const problemFilters: Record<string, (row: Row) => boolean> = {
  errors: (row) => row.errors > 0,
  warnings: (row) => row.warnings > 0,
  any: (row) => row.errors + row.warnings > 0,
  none: (row) => row.errors + row.warnings === 0,
};

function compare(a: Row, b: Row, by: (typeof sortKeys)[number]): number {
  if (by === 'errors' || by === 'warnings') return b[by] - a[by] || a.state.key.localeCompare(b.state.key);
  const value = (row: Row) => (by === 'file' ? row.state.key : (row[by] ?? '\uffff'));
  return value(a).localeCompare(value(b)) || a.state.key.localeCompare(b.state.key);
}

/**
 * Every profile of the content folder, with its validation counts; filtered by ?edition=, ?status= and
 * ?problems=errors|warnings|any|none, sorted by ?sort=file|country|edition|status|errors|warnings.
 * Plain links, no form and no script: the page works as the preview's policy has it.
 */
export function indexPage(folder: string, profiles: ProfileState[], query: URLSearchParams = new URLSearchParams(), editionNotes: FlatMessage[] = []): string {
  const all: Row[] = profiles.map((state) => ({ state, ...describeProfile(state), ...countMessages([state.file]) }));
  const wanted = (name: 'edition' | 'status', row: Row) => !query.get(name) || row[name] === query.get(name);
  const problems = problemFilters[query.get('problems') ?? ''];
  const sort = sortKeys.find((key) => key === query.get('sort')) ?? 'file';
  const rows = all.filter((row) => wanted('edition', row) && wanted('status', row) && (!problems || problems(row))).sort((a, b) => compare(a, b, sort));
  const link = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(query);
    for (const [name, value] of Object.entries(changes)) if (value === undefined) next.delete(name); else next.set(name, value);
    const text = next.toString();
    return text ? `/?${text}` : '/';
  };
  const choices = (name: string, values: string[]) =>
    html`<span class="filter">${name}: ${[undefined, ...values].map((value) => html` <a href="${link({ [name]: value })}"${query.get(name) === value || (value === undefined && !query.get(name)) ? html` class="chosen"` : undefined}>${value ?? 'all'}</a>`)}</span>`;
  const distinct = (name: 'edition' | 'status') => [...new Set(all.map((row) => row[name]).filter((v): v is string => v !== undefined))].sort();
  const header = (key: (typeof sortKeys)[number], label: string) => html`<th><a href="${link({ sort: key === 'file' ? undefined : key })}"${sort === key ? html` class="chosen"` : undefined}>${label}</a></th>`;
  const body = rows.map(({ state, country, edition, status, errors, warnings }) => html`<tr>
<td><a href="${urlOf('profile', state.key)}">${state.key}</a></td><td>${country ?? '–'}</td><td>${edition ?? '–'}</td><td>${status ?? '–'}</td>
<td class="count${errors > 0 ? ' error' : ''}">${errors}</td><td class="count${warnings > 0 ? ' warning' : ''}">${warnings}</td>
</tr>`);
  const total = countMessages(profiles.map((p) => p.file));
  const notes = editionNotes.map((m) => html`<p class="note ${m.severity}">${m.file}: ${m.message}</p>`);
  return document(
    'profiles',
    html`<main>
<h1>Profiles in ${folder}</h1>
<p>${plural(profiles.length, 'profile')}: ${counts(total)}${rows.length < profiles.length ? `; ${rows.length} shown` : ''}</p>
${notes}
<p class="filters">${choices('edition', distinct('edition'))} ${choices('status', distinct('status'))} ${choices('problems', Object.keys(problemFilters))}</p>
<table>
<thead><tr>${header('file', 'File')}${header('country', 'Country')}${header('edition', 'Edition')}${header('status', 'Status')}${header('errors', 'Errors')}${header('warnings', 'Warnings')}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</main>`,
  );
}

/** The messages and the pages' state: the part of a profile's page that each update replaces. */
export function panelFragment({ file, entry, printed }: ProfileState, editionNotes: FlatMessage[] = []): Markup {
  const summary = summarize([file]);
  const messages = summary.messages.map(
    (m) => html`<tr class="${m.severity}"><td class="place">${m.file}:${m.line}:${m.column}</td><td>${m.severity}</td><td>${m.message}</td><td class="rule">${m.ruleId}</td></tr>`,
  );
  const data = entry?.data;
  let state: Markup | undefined;
  if (!printed) state = html`<p class="note">No pages: the file cannot be printed as it is (it does not parse or fit its edition's schema). Fix the errors and save.</p>`;
  else if (!entry) state = html`<p class="note" data-stale>Stale pages: the file cannot be printed as it is, so the pages below are its last version that could be.</p>`;
  return html`<h1>${data ? `${data.country}, ${data.edition} (${data.status})` : file.path}</h1>
<p>${counts(summary)}</p>
${editionNotes.map((m) => html`<p class="note ${m.severity}">${m.file}: ${m.message}</p>`)}
${state}
${messages.length > 0 ? html`<table class="messages"><tbody>${messages}</tbody></table>` : undefined}
`;
}

/** The copy-fit check of the printed pages, as the renderer measures it; no result when there are no pages. */
export function fitFragment({ entry, printed }: ProfileState, result: FitResult | undefined): Markup {
  const stale = printed !== entry ? ' (of the stale pages)' : '';
  if (!printed || !result) return html`<p>copy-fit not measured: no pages</p>`;
  if (!result.measured) return html`<p class="error">copy-fit not measured${stale}: ${result.reason}</p>`;
  const { edition } = printed;
  const pages = result.pages.map((fit) =>
    fit.fits
      ? html`<li class="fits">page ${fit.page} (${(fit.page === 1 ? edition.criminality.label : edition.resilience.label).toLowerCase()}) fits</li>`
      : html`<li class="over">${describeOverflow(fit, edition)}</li>`,
  );
  return html`<p>Copy-fit${stale}:</p><ul>${pages}</ul>`;
}

/**
 * A profile's page: its messages, copy-fit and both printed pages side by side, scaled to the window:
 * pictures of the pages laid out by the renderer's own browser, fonts and settings, so the lines break
 * where they break in the PDF.
 */
export function profilePage(state: ProfileState, editionNotes: FlatMessage[] = []): string {
  const { key, printed } = state;
  const sheet = (page: number) => html`<figure class="sheet"><img src="${imageUrlOf(key, page)}" alt="printed page ${page}" width="794" height="1123"></figure>`;
  return document(
    key,
    html`<main>
<section id="panel">${panelFragment(state, editionNotes)}</section>
<section id="fit">${printed ? 'copy-fit: measuring…' : 'copy-fit not measured: no pages'}</section>
${printed ? html`<p class="aside">The pages as they print (<a href="${urlOf('print', key)}">their HTML</a>, for designers).</p>` : undefined}
</main>
<div id="sheets" class="sheets${printed && !state.entry ? ' stale' : ''}">${printed ? [sheet(1), sheet(2)] : undefined}</div>`,
    { profile: key, panel: urlOf('panel', key), fit: urlOf('fit', key), image1: imageUrlOf(key, 1), image2: imageUrlOf(key, 2) },
  );
}

export function notFoundPage(): string {
  return document('not found', html`<main><h1>Not found</h1><p>No such page or profile; it may have been removed or renamed. See <a href="/">all profiles</a>.</p></main>`);
}
