import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ValidProfile } from '../profile/valid.js';
import { renderHtml } from '../html/html.js';
import { renderPdf } from '../render/render-pdf.js';
import { validProfile, withCriminalityEnd } from '../testing/fixtures.js';
import { azerbaijan2021, readContent, runCli, tempFolder } from '../testing/support.js';
import { contentFolder, layout, pageTexts, readPdf, renderTexts } from '../testing/render.js';

/** A server on 127.0.0.1 that counts whatever reaches it: requests and bare connections (preconnect). */
function trap(): Promise<{ server: Server; base: string; hits: string[]; connections: () => number }> {
  const hits: string[] = [];
  let connections = 0;
  const server = createServer((request, response) => {
    hits.push(request.url ?? '');
    response.setHeader('content-type', request.url?.endsWith('.css') ? 'text/css' : 'text/html');
    response.end(request.url?.endsWith('.css') ? 'body { color: red }' : '<p>REMOTE CONTENT</p>');
  });
  server.on('connection', () => void (connections += 1));
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits, connections: () => connections })),
  );
}

/** Everything a hostile author could try, pointed at the trap and at local files. */
function hostileHtml(base: string, secretFile: string): string {
  return `
<meta http-equiv="refresh" content="0; url=${base}/refresh">
<link rel="stylesheet" href="${base}/sheet.css"><link rel="prefetch" href="${base}/prefetch"><link rel="preconnect" href="${base}/">
<style>@import url("${base}/import.css"); p { background: url("${base}/background.png") }</style>
<script>document.write('SCRIPT RAN'); fetch('${base}/fetch'); new Image().src = '${base}/beacon';</script>
<iframe src="file:///etc/hostname"></iframe><iframe src="file://${secretFile}"></iframe><iframe src="${base}/frame"></iframe>
<object data="file://${secretFile}"></object><embed src="${base}/embed">
<img src="${base}/image.png"><img srcset="${base}/srcset.png 2x"><img src="x" onerror="document.write('HANDLER RAN')">
<a href="javascript:document.write('LINK RAN')">a link</a>
<svg xmlns="http://www.w3.org/2000/svg" onload="document.write('SVG RAN')"><script>document.write('SVG RAN')</script><image href="${base}/svg.png"/></svg>`;
}

/** Text that appears in the PDF only if something was executed or loaded. */
const tells = ['SCRIPT RAN', 'HANDLER RAN', 'LINK RAN', 'SVG RAN', 'REMOTE CONTENT'];

describe('hostile content', () => {
  let trapped: Awaited<ReturnType<typeof trap>>;
  let secretFile: string;
  const secret = 'SECRET-8d1f3c2a';
  const hostname = readFileSync('/etc/hostname', 'utf8').trim();

  beforeAll(async () => {
    trapped = await trap();
    secretFile = join(tempFolder(), 'secret.txt');
    writeFileSync(secretFile, secret);
  });
  afterAll(() => new Promise<void>((resolve) => trapped.server.close(() => resolve())));

  function expectNothingLeaked(text: string): void {
    for (const tell of [...tells, secret]) expect(text).not.toContain(tell);
    if (hostname.length > 3) expect(text).not.toContain(hostname);
    expect(trapped.hits).toEqual([]);
    expect(trapped.connections()).toBe(0);
  }

  it('in Markdown: the profile is printed, nothing runs, loads or leaks', async () => {
    const markdown = `${hostileHtml(trapped.base, secretFile)}\n\n![remote](${trapped.base}/markdown.png) [a link](javascript:alert(1)) <${trapped.base}/autolink>`;
    // At final, raw HTML and images are errors of unrendered-markdown and the profile is not printed;
    // a draft is printed with warnings, which is what this test attacks.
    const final = await runCli('render', contentFolder({ 'goci-2021/azerbaijan.md': withCriminalityEnd(markdown) }), '--out', tempFolder());
    expect(final.code).toBe(1);
    expect(final.stderr).toMatch(/error +raw HTML is left out of the print.*unrendered-markdown/);
    const content = contentFolder({ 'goci-2021/azerbaijan.md': withCriminalityEnd(markdown).replace('status: final', 'status: draft') });
    const out = tempFolder();
    const result = await runCli('render', content, '--out', out);
    expect(result.code, result.stderr).toBe(0);
    const text = (await pageTexts(readPdf(join(out, 'goci-2021/azerbaijan.pdf')))).join('\n');
    expect(text).toContain('AZERBAIJAN');
    expectNothingLeaked(text);
  });

  it('as raw HTML past any sanitizer: the page itself lets nothing run, load or navigate', async () => {
    // Two pages, as a profile prints on, with the hostile markup on the first.
    const html = `<!doctype html><html lang="en"><head><style>@page { size: A4; margin: 0 }</style></head><body>
<div style="break-after: page"><p>FIRST PAGE</p>${hostileHtml(trapped.base, secretFile)}</div><div><p>SECOND PAGE</p></div></body></html>`;
    const layout = { renderHtml: () => html };
    const { outcomes } = await renderTexts({ 'content/goci-2021/azerbaijan.md': azerbaijan2021 }, { layout });
    expect(outcomes.map((o) => o.status)).toEqual(['written']);
    const [outcome] = outcomes;
    const text = (await pageTexts(readPdf(outcome?.task.pdfPath ?? ''))).join('\n');
    // The meta refresh was answered without leaving the document.
    expect(text).toContain('FIRST PAGE');
    expect(text).toContain('SECOND PAGE');
    expectNothingLeaked(text);
  });

  it('swapped into a warm page between two profiles: nothing runs, loads or leaks into the next one', async () => {
    // Albania's document keeps the toolkit's stylesheet and has no <style> of its own, so the warm page
    // swaps it in rather than loading it; hidden, the markup leaves the two pages as they are.
    const markup = hostileHtml(trapped.base, secretFile).replace(/<style>.*<\/style>/, '');
    const withMarkup = (html: string) => html.replace('<body>', `<body><div style="display: none">${markup}</div>`);
    const hostile = { ...layout, renderHtml: (entry: ValidProfile) => (entry.data.country === 'Albania' ? withMarkup(renderHtml(entry)) : renderHtml(entry)) };
    const files = Object.fromEntries(['azerbaijan', 'albania', 'armenia'].map((slug) => [`content/goci-2021/${slug}.md`, readContent(`goci-2021/${slug}.md`)]));
    const { outcomes } = await renderTexts(files, { layout: hostile, concurrency: 1 });
    expect(outcomes.map((o) => ('message' in o ? o.message : o.status))).toEqual(['written', 'written', 'written']);
    const [, albania, armenia] = outcomes.map((o) => readPdf(o.task.pdfPath ?? ''));
    expectNothingLeaked((await pageTexts(albania!)).join('\n'));
    const armeniaAlone = await renderPdf(validProfile(files['content/goci-2021/armenia.md']!, 'content/goci-2021/armenia.md'));
    expect(Buffer.from(armenia!).equals(Buffer.from(armeniaAlone))).toBe(true);
  });
});
