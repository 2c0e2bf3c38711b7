// On Linux x64 the renderer uses a system Chromium or the optional @sparticuz/chromium (see
// src/engine/browser.ts), so puppeteer's own ~170 MB Chrome download is skipped at install there;
// elsewhere puppeteer downloads its Chrome as usual and the renderer finds it in puppeteer's cache.
const linuxX64 = process.platform === 'linux' && process.arch === 'x64';

module.exports = { skipDownload: linuxX64 };
