import { loadConfig, type Config } from '../config/config.js';
import type { Edition } from '../edition/edition.js';
import { loadEditions } from '../edition/load.js';
import { InputError } from '../errors.js';
import { writeAtomically } from '../write/write.js';

/** What most commands start from: the working folder's settings and the editions they make known. */
export async function setup(): Promise<{ config: Config; editions: Map<string, Edition> }> {
  const config = await loadConfig();
  return { config, editions: loadEditions(config.editions) };
}

/** The edition of an --edition option; an unknown id is a usage mistake. */
export function editionById(editions: Map<string, Edition>, id: string): Edition {
  const edition = editions.get(id);
  if (!edition) throw new InputError(`unknown edition '${id}'; expected one of ${[...editions.keys()].join(', ')}`);
  return edition;
}

/** Writes a command's output file atomically; a failure is a WriteError (exit 2) naming the file. */
export async function writeOutput(path: string, text: string | Uint8Array): Promise<void> {
  await writeAtomically(path, text);
}
