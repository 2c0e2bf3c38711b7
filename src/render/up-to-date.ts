import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { maxReadBytes, readBounded } from '../read/bounded.js';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAtomically } from '../write/write.js';
import { packagePath } from '../package/paths.js';
import type { ValidProfile } from '../profile/valid.js';
import { profileMetadata } from '../postprocess/pdf-metadata.js';
import { splitDocument } from '../engine/document.js';

/** The manifest's name in the output folder: hidden, so that `ls dist/` shows the editions only. */
export const manifestName = '.ocindex-manifest.json';

let toolkit: string | undefined;
/**
 * The toolkit's version and its code (every module of lib/ or src/: view, html, engine and
 * post-processing all shape the PDF): a change to either prints anew.
 */
function toolkitIdentity(): string {
  if (toolkit === undefined) {
    const hash = createHash('sha256').update(readFileSync(packagePath('package.json')));
    const code = dirname(dirname(fileURLToPath(import.meta.url)));
    const modules = readdirSync(code, { recursive: true, encoding: 'utf8' }).filter((name) => /\.(js|ts)$/.test(name) && !/\.(test|d)\.ts$/.test(name)).sort();
    for (const name of modules) hash.update(name).update(readFileSync(join(code, name)));
    toolkit = hash.digest('hex');
  }
  return toolkit;
}

/** Stylesheets already hashed (the screen's, the press's): every profile of a run shares them. */
const stylesDigests: { styles: string; digest: string }[] = [];

/**
 * A document as hashed: its light part (splitDocument) and a digest of its stylesheets, computed once
 * for all the profiles that share them. The stylesheets, fonts inlined, are 97% of each document's
 * bytes; hashing them for every profile took a sixth of the time before the first page printed.
 */
function documentDigest(html: string): string {
  const split = splitDocument(html);
  if (!split) return html;
  const styles = split.styles.join('\0');
  let known = stylesDigests.find((entry) => entry.styles === styles);
  if (!known) {
    known = { styles, digest: createHash('sha256').update(styles).digest('hex') };
    stylesDigests.push(known);
    if (stylesDigests.length > 4) stylesDigests.shift();
  }
  return `${split.light}\0${known.digest}`;
}

/**
 * What a PDF is made of, hashed: the HTML it is printed from (profile, edition's labels and footer,
 * templates, CSS and the fonts inlined in it; a press file's HTML too), the PDF's metadata (title,
 * language, dates), the browser, the toolkit and the render options. Equal keys give byte-identical PDFs.
 */
export function renderKey(entry: ValidProfile, htmls: string[], browser: string, options: Record<string, unknown>): string {
  const hash = createHash('sha256').update(JSON.stringify({ toolkit: toolkitIdentity(), browser, options, metadata: profileMetadata(entry) }));
  for (const html of htmls) hash.update('\0').update(documentDigest(html));
  return hash.digest('hex');
}

/** `<out>/.ocindex-manifest.json`: the key each file was written with, by its path under <out>. */
export class Manifest {
  readonly #path: string;
  readonly #out: string;
  readonly #keys: Record<string, string>;

  private constructor(out: string, keys: Record<string, string>) {
    this.#out = out;
    this.#path = join(out, manifestName);
    this.#keys = keys;
  }

  /** The manifest of an output folder; a missing or unreadable one is empty (everything is rendered). */
  static async load(out: string): Promise<Manifest> {
    const read = await readBounded(join(out, manifestName), maxReadBytes * 16, 'a manifest');
    // A manifest that cannot be read is none: everything is rendered again.
    const text = 'bytes' in read ? Buffer.from(read.bytes).toString('utf8') : '{}';
    let keys: unknown;
    try {
      keys = (JSON.parse(text) as { files?: unknown }).files;
    } catch {
      keys = undefined;
    }
    return new Manifest(out, keys !== null && typeof keys === 'object' ? (keys as Record<string, string>) : {});
  }

  #name(path: string): string {
    return relative(this.#out, path).split(sep).join('/');
  }

  /** Whether every one of the files exists and was written with this key. */
  isUpToDate(paths: string[], key: string): boolean {
    return paths.every((path) => this.#keys[this.#name(path)] === key && existsSync(path));
  }

  record(paths: string[], key: string): void {
    for (const path of paths) this.#keys[this.#name(path)] = key;
  }

  /** Written atomically, keys sorted: a diff of two manifests shows what changed. */
  async save(): Promise<void> {
    const files = Object.fromEntries(Object.entries(this.#keys).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    await writeAtomically(this.#path, `${JSON.stringify({ version: 1, files }, null, 2)}\n`);
  }
}
