import { existsSync } from 'node:fs';
import { readInput } from '../read/bounded.js';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { Edition } from '../edition/edition.js';
import { findCountry } from '../edition/find-country.js';
import { displayPath } from '../read/collect.js';
import { newProfileText } from '../profile/create.js';
import { outlineMarkdown } from '../profile/outline.js';
import { withOutline } from '../profile/with-outline.js';
import { editionById, setup, writeOutput } from './setup.js';
import { newTranslation } from './new-translation.js';
import { exitCodes } from '../errors.js';
import type { Io, SetExitCode } from './io.js';

interface NewOptions {
  edition?: string;
  out?: string;
  outline?: boolean;
  translate?: string;
}

/** The edition of the latest year: what an author starting a profile most likely means. */
function newestEdition(editions: Map<string, Edition>): Edition {
  return [...editions.values()].sort((a, b) => b.year - a.year || (a.id < b.id ? 1 : -1))[0] as Edition;
}

export function registerNew(cli: Command, io: Io, setExitCode: SetExitCode): void {
  cli
    .command('new')
    .argument('<country>', "the country's name or file name, e.g. \"Côte d'Ivoire\" or cote-d-ivoire")
    .option('--edition <id>', 'edition of the profile (default: the newest)')
    .option('--outline', "if the profile exists and has no narrative yet, add the edition's outline to it (nothing else changes)")
    .option('--out <folder>', 'content folder (default: the configured one, else content)')
    .option('--translate <lang>', "start a translation of the country's profile (or of the profile file given) into a language: <edition>/<lang>/<slug>.md, its outline in that language")
    .action(async (query: string, options: NewOptions) => {
      const { config, editions } = await setup();
      if (options.translate !== undefined) {
        const { path, text } = await newTranslation(query, options.translate, editions, { content: options.out ?? config.content, ...(options.edition ? { edition: options.edition } : {}) });
        await writeOutput(path, text);
        io.stdout(`created ${displayPath(path)}: translate the narrative under its headings, then run ocindex translate --mark-current ${displayPath(path)}\n`);
        return;
      }
      const edition = options.edition === undefined ? newestEdition(editions) : editionById(editions, options.edition);
      const chosen = options.edition === undefined ? ` (edition ${edition.id}, the newest; --edition chooses another)` : '';
      const country = findCountry(edition, query);
      const path = join(options.out ?? config.content, edition.id, `${country.slug}.md`);
      if (existsSync(path)) {
        if (!options.outline) {
          io.stderr(`ocindex: ${displayPath(path)} already exists; not overwritten. To add the outline to it: ocindex new "${country.name}" --edition ${edition.id} --outline\n`);
          setExitCode(exitCodes.contentErrors);
          return;
        }
        const outlined = withOutline(displayPath(path), await readInput(path, { shown: displayPath(path), what: 'a profile' }), edition);
        if ('problem' in outlined) {
          io.stderr(`ocindex: ${outlined.problem}\n`);
          setExitCode(exitCodes.contentErrors);
          return;
        }
        await writeOutput(path, outlined.text);
        io.stdout(`updated ${displayPath(path)}: the outline of ${edition.id} added; scores and front-matter unchanged\n`);
        return;
      }
      // Score fields stay empty, so validate lists what the author has to fill in.
      await writeOutput(path, newProfileText(edition, country, 'draft', new Map(), outlineMarkdown(edition.outline)));
      io.stdout(`created ${displayPath(path)}${chosen}: fill in its scores and narrative, then run ocindex validate\n`);
    });
}
