import { readFileSync } from 'node:fs';
import { packagePath } from './paths.js';

/** The toolkit's version, from its package.json. */
export function toolkitVersion(): string {
  return (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;
}
