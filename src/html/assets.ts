import { readBoundedSync } from '../read/bounded.js';
import { createRequire } from 'node:module';
import { dirname, extname, relative, resolve } from 'node:path';
import { AssetError } from '../errors.js';

const require = createRequire(import.meta.url);

const mediaTypes: Record<string, string> = {
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Where a url() of the stylesheet points: './x' is a file beside the stylesheet (inside its folder),
 * a bare name ('@fontsource/source-sans-3/files/....woff2') a file of an installed package.
 * Anything else (http:, file:, /absolute, ../outside) is refused.
 */
function assetPath(reference: string, cssPath: string): string {
  const folder = dirname(cssPath);
  if (reference.startsWith('./')) {
    const path = resolve(folder, reference);
    if (relative(folder, path).startsWith('..')) throw new AssetError(`${cssPath}: url(${reference}) is outside the templates folder`);
    return path;
  }
  if (/^[a-z][a-z0-9+.-]*:|^[/\\.]/i.test(reference)) {
    throw new AssetError(`${cssPath}: url(${reference}) is not allowed; use './file' beside the stylesheet or an installed package's file`);
  }
  try {
    return require.resolve(reference);
  } catch {
    throw new AssetError(`${cssPath}: url(${reference}): no such package file`);
  }
}

/** Fonts and images a stylesheet inlines: a font file is a few hundred kilobytes. */
const maxAssetBytes = 8 * 1024 * 1024;

function dataUrl(path: string, cssPath: string): string {
  const type = mediaTypes[extname(path).toLowerCase()];
  if (!type) throw new AssetError(`${cssPath}: cannot inline ${path}: unknown file type`);
  const read = readBoundedSync(path, maxAssetBytes, 'an asset');
  if ('unreadable' in read) throw new AssetError(`${cssPath}: cannot inline ${path}: ${read.unreadable}`);
  return `data:${type};base64,${Buffer.from(read.bytes).toString('base64')}`;
}

let cached: { key: string; css: string } | undefined;

/** The stylesheet with every url() replaced by a data: URL, so the document is standalone. */
export function inlineAssets(css: string, cssPath: string): string {
  const key = `${cssPath}\n${css}`;
  if (cached?.key === key) return cached.css;
  // Comments go first: they may mention url() or @import, and the document does not need them.
  const rules = css.replace(/\/\*[\s\S]*?\*\//g, '');
  if (/@import\b/i.test(rules)) throw new AssetError(`${cssPath}: @import is not allowed; put the rules in the stylesheet itself`);
  const inlined = rules.replace(/url\(\s*(["']?)([^"')]*)\1\s*\)/g, (match, _quote: string, reference: string) =>
    reference.startsWith('data:') ? match : `url("${dataUrl(assetPath(reference, cssPath), cssPath)}")`,
  );
  cached = { key, css: inlined };
  return inlined;
}
