import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The installed package's root: lib/package/ or src/package/ sit two levels below it. */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function packagePath(...parts: string[]): string {
  return join(root, ...parts);
}

/** The toolkit's cache folder (the unpacked Chromium, spelling verdicts): $XDG_CACHE_HOME or ~/.cache, then ocindex-profiles. */
export function cacheFolder(...parts: string[]): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'ocindex-profiles', ...parts);
}

