// Bundles the command line (lib/cli.js, as tsc built it) into lib/bundle/: one module for the
// command table and a chunk per command, loaded when that command runs. Resolving and reading some
// 900 small modules (unified, micromark, yaml, ajv, puppeteer-core, pdf-lib) one by one cost each
// command about a third of its start-up. The library API (lib/index.js) stays unbundled.
// Left outside, loaded from node_modules as they are: packages that read their own files beside
// their code (Chromium's archive, the dictionaries, puppeteer's configuration) or are loaded by a
// computed name (hyphenation patterns), and exceljs and pdf.js, large and loaded by one command each.
import { rmSync } from 'node:fs';
import { build } from 'rolldown';

const external = [/^node:/, /^puppeteer$/, /^@sparticuz\//, /^dictionary-/, /^hyphen\//, /^exceljs/, /^pdfjs-dist/, /^chokidar/];

rmSync('lib/bundle', { recursive: true, force: true });
await build({
  input: { ocindex: 'lib/cli.js' },
  platform: 'node',
  // ES builds where a package has both: a UMD main (jsonc-parser) requires its parts by relative path.
  resolve: { mainFields: ['module', 'main'] },
  external,
  output: { dir: 'lib/bundle', format: 'esm', chunkFileNames: '[name]-[hash].js' },
  logLevel: 'warn',
});
