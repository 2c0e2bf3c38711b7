import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { findCountry } from '../edition/find-country.js';
import { displayPath } from '../io/collect.js';
import { newProfileText } from '../profile/create.js';
import { outlineMarkdown } from '../profile/outline.js';
import { editionById, setup, writeOutput } from './setup.js';
import { exitCodes } from '../errors.js';
import type { Io, SetExitCode } from './io.js';

export function registerNew(cli: Command, io: Io, setExitCode: SetExitCode): void {
  cli
    .command('new')
    .argument('<country>', "the country's name or file name, e.g. \"Côte d'Ivoire\" or cote-d-ivoire")
    .requiredOption('--edition <id>', 'edition of the profile')
    .option('--out <folder>', 'content folder (default: the configured one, else content)')
    .action(async (query: string, options: { edition: string; out?: string }) => {
      const { config, editions } = await setup();
      const edition = editionById(editions, options.edition);
      const country = findCountry(edition, query);
      const path = join(options.out ?? config.content, edition.id, `${country.slug}.md`);
      if (existsSync(path)) {
        io.stderr(`ocindex: ${displayPath(path)} already exists; not overwritten\n`);
        setExitCode(exitCodes.contentErrors);
        return;
      }
      // Score fields stay empty, so validate lists what the author has to fill in.
      await writeOutput(path, newProfileText(edition, country, 'draft', new Map(), outlineMarkdown(edition.outline)));
      io.stdout(`created ${displayPath(path)}: fill in its scores and narrative, then run ocindex validate\n`);
    });
}
