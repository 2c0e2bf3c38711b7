import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../engine/browser.js';
import { renderHtml } from '../html/html.js';
import { loadPage, validProfile, withCriminalityEnd } from '../testing/fixtures.js';

/** Everything a narrative could try in order to fetch, run or navigate. */
const hostile = `
<script>alert('script')</script>

<iframe src="file:///etc/passwd"></iframe>

Images: ![tracker](https://evil.example/pixel.png) ![local](file:///etc/passwd) and <img src="https://evil.example/x.png" onerror="alert(1)"> inline.

<link rel="stylesheet" href="https://evil.example/x.css">

<style>@import url(https://evil.example/y.css); body { background: url(https://evil.example/z.png) }</style>

<meta http-equiv="refresh" content="0; url=https://evil.example/">

Links: [click me](javascript:alert(1)) [local file](file:///etc/passwd) [relative](/etc/passwd) [protocol-relative](//evil.example/a) [data page](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [mail](mailto:someone@evil.example) [reference][evil] [the source](https://www.example.org/report).

[evil]: javascript:alert(2)

<svg onload="alert(3)"><script>alert(4)</script><image href="https://evil.example/s.png"/></svg>

<object data="https://evil.example/o.swf"></object><embed src="https://evil.example/e.swf">

<a href="https://evil.example/" onclick="alert(5)">raw anchor</a> <div style="background:url(https://evil.example/bg.png)">styled block</div>

<form action="https://evil.example/post"><input name="q"></form>

<base href="https://evil.example/">
`;

const html = renderHtml(validProfile(withCriminalityEnd(hostile)));
const narrative = html.slice(html.indexOf('<body>'));

describe('untrusted Markdown in the narrative', () => {
  it('keeps its text, as plain text', () => {
    const asRead = narrative.replaceAll('\u00AD', '');
    for (const text of ['Images:', 'inline.', 'click me', 'local file', 'data page', 'reference', 'raw anchor', 'styled block', 'the source']) expect(asRead).toContain(text);
  });

  it('leaves no element that fetches, runs, styles or navigates', () => {
    expect(narrative).not.toMatch(/<(script|iframe|img|image|link|style|meta|object|embed|form|input|base)\b/i);
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html.match(/<meta\b[^>]*>/g)).toEqual(['<meta charset="utf-8">']);
  });

  it('leaves no URL but an absolute https: link target, and no event handler or style attribute', () => {
    expect(narrative).not.toMatch(/evil\.example|javascript:|file:|data:|mailto:|@import|\burl\(/i);
    expect(narrative).not.toMatch(/\s(on\w+|style|src|srcset|action|formaction|xlink:href)=/i);
    expect([...narrative.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1])).toEqual(['https://www.example.org/report']);
  });

  describe('in Chromium, as the PDF renderer loads it', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('requests nothing but its inlined fonts, and has no dangerous node in its DOM', async () => {
      const { page, requests } = await loadPage(browser, html);
      expect(requests.length).toBeGreaterThan(0);
      for (const url of requests) expect(url).toMatch(/^data:font\/woff;base64,/);
      const found = await page.evaluate(() => ({
        url: location.href,
        dangerous: Array.from(document.querySelectorAll('script, iframe, img, image, link, object, embed, form, base, meta[http-equiv], body style')).map((e) => e.tagName),
        handlers: Array.from(document.querySelectorAll('*')).flatMap((e) => e.getAttributeNames().filter((name) => /^on|^(src|srcset|style|action)$/i.test(name))),
        hrefs: Array.from(document.querySelectorAll('[href]')).map((e) => e.getAttribute('href')),
      }));
      expect(found).toEqual({ url: 'about:blank', dangerous: [], handlers: [], hrefs: ['https://www.example.org/report'] });
      await page.close();
    });
  });
});
