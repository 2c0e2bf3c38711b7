import type { HTTPRequest, Page } from 'puppeteer';

/** A4 at CSS's 96 dpi: the page box the layout is measured in, as it will be printed. */
export const a4Viewport = { width: 794, height: 1123 };

/** Only inlined resources load: the document is self-contained by design. */
export function isAllowedUrl(url: string): boolean {
  return url.startsWith('data:') || url === 'about:blank';
}

function answer(request: HTTPRequest): Promise<void> {
  if (isAllowedUrl(request.url())) return request.continue();
  // A 204 to a navigation (meta refresh, frame) cancels it and the document stays; an abort would
  // replace the page or frame with an error page.
  if (request.isNavigationRequest()) return request.respond({ status: 204 });
  return request.abort('blockedbyclient');
}

/**
 * Prepares a page for untrusted Markdown: no script runs and nothing loads but data: URLs. The layout
 * is the printed one, so what the copy-fit check measures is what page.pdf() prints.
 */
export async function lockDown(page: Page): Promise<void> {
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    // A request of a page closed meanwhile cannot be answered any more; nothing is left to protect.
    answer(request).catch(() => undefined);
  });
  await page.setViewport(a4Viewport);
  await page.emulateMediaType('print');
}
