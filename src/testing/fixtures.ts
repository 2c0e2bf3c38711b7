import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'puppeteer';
import type { ValidProfile } from '../profile/valid.js';
import { validateSources } from '../validate/validate.js';
import { azerbaijan2021, editions, publishedSeedPath, replaceOnce } from './support.js';

/** The published Azerbaijan 2021 profile as text, extracted from its PDF: the reference output. */
export const seed = readFileSync(publishedSeedPath, 'utf8');

/** A profile text as the renderer gets it: validated, with its edition and composites. */
export function validProfile(text: string, path = 'content/goci-2021/azerbaijan.md'): ValidProfile {
  const [entry] = validateSources([{ path, bytes: Buffer.from(text) }], editions).valid;
  if (!entry) throw new Error(`${path} does not fit its edition's schema`);
  return entry;
}

/** A translation validated with its source (by default the bundled French Azerbaijan 2021 and its source). */
export function validTranslation(text: string, path = 'content/goci-2021/fr/azerbaijan.md', source = { path: 'content/goci-2021/azerbaijan.md', text: azerbaijan2021 }): ValidProfile {
  const entry = validateSources([{ path: source.path, bytes: Buffer.from(source.text) }, { path, bytes: Buffer.from(text) }], editions).valid.find((e) => e.translation);
  if (!entry) throw new Error(`${path} is not a valid translation of ${source.path}`);
  return entry;
}

export function withStatus(text: string, status: string): string {
  return replaceOnce(text, 'status: final', `status: ${status}`);
}

/** Azerbaijan with Markdown added at the end of the criminality narrative (after "## Criminal actors"). */
export function withCriminalityEnd(markdown: string): string {
  return replaceOnce(azerbaijan2021, '\n# Resilience\n', `\n${markdown}\n\n# Resilience\n`);
}

/** A page holding the rendered HTML, as the PDF renderer loads it: JavaScript off, fonts loaded. */
export async function loadPage(browser: Browser, html: string): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.setJavaScriptEnabled(false);
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluateHandle('document.fonts.ready');
  return { page, requests };
}
