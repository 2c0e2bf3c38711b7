import { describeOverflow } from '../render/pdf.js';
import { countMessages, summarize } from '../report/messages.js';
import type { FitResult } from './fit.js';
import { html, type Markup } from './markup.js';
import { urlOf } from './routes.js';
import type { ProfileState } from './workspace.js';
import { plural } from '../io/suggest.js';

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

/** Every profile of the content folder, with its validation counts. */
export function indexPage(folder: string, profiles: ProfileState[]): string {
  const rows = profiles.map(({ key, file, entry }) => {
    const { errors, warnings } = countMessages([file]);
    return html`<tr>
<td><a href="${urlOf('profile', key)}">${key}</a></td><td>${entry?.data.country ?? '–'}</td><td>${entry?.edition.id ?? '–'}</td><td>${entry?.data.status ?? '–'}</td>
<td class="count${errors > 0 ? ' error' : ''}">${errors}</td><td class="count${warnings > 0 ? ' warning' : ''}">${warnings}</td>
</tr>`;
  });
  const total = countMessages(profiles.map((p) => p.file));
  return document(
    'profiles',
    html`<main>
<h1>Profiles in ${folder}</h1>
<p>${plural(profiles.length, 'profile')}: ${counts(total)}</p>
<table>
<thead><tr><th>File</th><th>Country</th><th>Edition</th><th>Status</th><th>Errors</th><th>Warnings</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</main>`,
  );
}

/** The messages and the pages' state: the part of a profile's page that each update replaces. */
export function panelFragment({ file, entry, printed }: ProfileState): Markup {
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

/** A profile's page: its messages, copy-fit and both printed pages side by side, at print size. */
export function profilePage(state: ProfileState): string {
  const { key, printed } = state;
  // Sandboxed without allow-scripts: the printed HTML can run nothing, even if it held a script.
  const frame = (page: number) => html`<div class="sheet"><iframe sandbox src="${urlOf('print', key)}" title="page ${page}" scrolling="no"></iframe></div>`;
  return document(
    key,
    html`<main>
<section id="panel">${panelFragment(state)}</section>
<section id="fit">${printed ? 'copy-fit: measuring…' : 'copy-fit not measured: no pages'}</section>
</main>
<div id="sheets" class="sheets${printed && !state.entry ? ' stale' : ''}">${printed ? [frame(1), frame(2)] : undefined}</div>`,
    { profile: key, panel: urlOf('panel', key), fit: urlOf('fit', key), print: urlOf('print', key) },
  );
}

export function notFoundPage(): string {
  return document('not found', html`<main><h1>Not found</h1><p>No such page or profile; it may have been removed or renamed. See <a href="/">all profiles</a>.</p></main>`);
}
