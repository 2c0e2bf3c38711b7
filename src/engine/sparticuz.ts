import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { createBrotliDecompress } from 'node:zlib';
import { isRunning } from '../write/process.js';
import { extract } from 'tar-fs';
import { unpackNotice } from './unpack-notice.js';
import { cacheFolder } from '../package/paths.js';

export { unpackNotice };

/** The Chromium build of @sparticuz/chromium, unpacked in a cache folder of its own. */
export interface BundledChromium {
  executablePath: string;
  /** Its recommended flags, minus those that would weaken the renderer or slow it down. */
  args: string[];
  /** Environment the browser needs: its fonts configuration and the shared libraries it ships. */
  env: Record<string, string>;
}

// --single-process makes one crash take down the whole batch; the next two would let a page read other
// origins; puppeteer sets the headless mode itself.
const droppedArgs = /^--(single-process|disable-web-security|allow-running-insecure-content|headless)\b/;


/** How long an unfinished extraction by another process may hold the lock before it counts as abandoned. */
const staleLockMs = 5 * 60_000;

/** The package's folder of compressed binaries, if it is installed. */
function findBinFolder(): string | undefined {
  try {
    // The package's exports map hides package.json; its CommonJS entry sits at build/cjs/index.cjs.
    const main = createRequire(import.meta.url).resolve('@sparticuz/chromium');
    return join(dirname(main), '..', '..', 'bin');
  } catch {
    return undefined;
  }
}

async function packageVersion(binFolder: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(binFolder, '..', 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

async function inflateFile(source: string, target: string): Promise<void> {
  await pipeline(createReadStream(source), createBrotliDecompress(), createWriteStream(target, { mode: 0o755 }));
}

async function inflateTar(source: string, target: string): Promise<void> {
  await pipeline(createReadStream(source), createBrotliDecompress(), extract(target));
}

async function unpack(binFolder: string, folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  await Promise.all([
    inflateFile(join(binFolder, 'chromium.br'), join(folder, 'chromium')),
    inflateTar(join(binFolder, 'fonts.tar.br'), folder),
    // Its GL libraries: with --in-process-gpu, a GPU start that cannot find them takes the browser down.
    inflateTar(join(binFolder, 'swiftshader.tar.br'), folder),
    // NSS and friends built for Amazon Linux: used only where the system lacks them (see env below).
    inflateTar(join(binFolder, 'al2023.tar.br'), folder),
  ]);
}

/**
 * The fonts the browser may fall back on: the package's own (Open Sans) and none of the machine's,
 * written beside the unpacked browser (the shipped fonts.conf points at /tmp/fonts). The pages
 * inline their fonts; a character they lack is reported by validate (font-coverage) and would
 * otherwise print from whatever fonts this machine has (DejaVu Sans, Droid Sans Fallback), making
 * the PDF depend on the machine. Written on each start, so a folder unpacked by an older version
 * (whose fonts.conf took in /etc/fonts) gets it too.
 */
async function bundledFontsOnly(folder: string): Promise<string> {
  const path = join(folder, 'fonts-bundled.conf');
  const config =
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
    `  <dir>${join(folder, 'fonts')}</dir>\n  <cachedir>${join(folder, 'fonts-cache')}</cachedir>\n</fontconfig>\n`;
  if ((await readFile(path, 'utf8').catch(() => '')) !== config) await writeFile(path, config);
  return path;
}

/** A lock whose owner died (killed mid-unpacking) or that is older than any unpacking takes. */
async function isStale(lock: string): Promise<boolean> {
  const owner = Number(await readFile(join(lock, 'owner'), 'utf8').catch(() => ''));
  if (owner > 0 && !isRunning(owner)) return true;
  const info = await stat(lock).catch(() => undefined);
  return info !== undefined && Date.now() - info.mtimeMs > staleLockMs;
}

/**
 * Unpacks once per version: a mkdir lock keeps concurrent processes from unpacking at the same time,
 * and the unpacked folder appears by a rename, so a folder that exists is complete.
 */
async function ensureUnpacked(binFolder: string, folder: string): Promise<void> {
  const lock = `${folder}.lock`;
  await mkdir(dirname(folder), { recursive: true });
  while (!existsSync(folder)) {
    try {
      await mkdir(lock);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (await isStale(lock)) await rm(lock, { recursive: true, force: true });
      else await sleep(250);
      continue;
    }
    await writeFile(join(lock, 'owner'), String(process.pid));
    const partial = `${folder}.partial-${process.pid}`;
    try {
      if (!existsSync(folder)) {
        unpackNotice.write(`unpacking the bundled Chromium (@sparticuz/chromium, about 200 MB) into ${folder}, once\n`);
        await rm(partial, { recursive: true, force: true });
        await unpack(binFolder, partial);
        // Two processes that both took a stale lock both unpack; the first rename wins, which is fine.
        await rename(partial, folder).catch((error: Error) => {
          if (!existsSync(folder)) throw error;
        });
      }
    } finally {
      await rm(partial, { recursive: true, force: true });
      await rm(lock, { recursive: true, force: true });
    }
  }
}

/** The bundled Chromium, unpacked on first use; undefined where the optional package is not installed. */
export async function bundledChromium(): Promise<BundledChromium | undefined> {
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  const binFolder = findBinFolder();
  if (!binFolder || !existsSync(join(binFolder, 'chromium.br'))) return undefined;
  const { default: Chromium } = await import('@sparticuz/chromium');
  // Without graphics its flags turn WebGL off rather than asking for software GL.
  Chromium.setGraphicsMode = false;
  const folder = cacheFolder(`chromium-${await packageVersion(binFolder)}`);
  await ensureUnpacked(binFolder, folder).catch((error: Error) => {
    throw new Error(`cannot unpack @sparticuz/chromium into ${folder} (${error.message}); set XDG_CACHE_HOME to a writable folder`);
  });
  const systemLibraries = existsSync('/usr/lib/x86_64-linux-gnu/libnss3.so') || existsSync('/lib64/libnss3.so');
  const libraryPath = systemLibraries ? undefined : [join(folder, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  return {
    executablePath: join(folder, 'chromium'),
    args: Chromium.args.filter((arg) => !droppedArgs.test(arg)),
    env: { FONTCONFIG_FILE: await bundledFontsOnly(folder), ...(libraryPath ? { LD_LIBRARY_PATH: libraryPath } : {}) },
  };
}
