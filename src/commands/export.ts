import { Option, type Command } from 'commander';
import { loadConfig } from '../config/config.js';
import { loadCorpus, validate } from '../validate/corpus.js';
import { datasetCsv } from '../export/csv.js';
import { profilesJson } from '../export/json.js';
import { selectForExport } from '../export/select.js';
import { InputError } from '../errors.js';
import { displayPath } from '../read/collect.js';
import { listed, plural } from '../text/english.js';
import { editionById, writeOutput } from './setup.js';
import { exitCodes } from '../errors.js';
import type { Io, SetExitCode } from './io.js';
import { refuseToOverwriteInput } from '../write/guard.js';
import { escapeUnprintable } from '../text/unprintable.js';

interface ExportOptions {
  format: 'csv' | 'json';
  edition?: string;
  out?: string;
}

export function registerExport(cli: Command, io: Io, setExitCode: SetExitCode): void {
  cli
    .command('export')
    .argument('[paths...]', 'profile files or folders (default: the configured content folder, else content)')
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'json']).default('csv'))
    .option('--edition <id>', 'only the profiles of this edition (CSV needs one edition)')
    .option('--out <file>', 'write to this file (atomically) instead of standard output')
    .action(async (paths: string[], options: ExportOptions) => {
      const config = await loadConfig();
      const corpus = await loadCorpus(paths.length > 0 ? paths : [config.content], { editionFolders: config.editions });
      const only = options.edition === undefined ? undefined : editionById(corpus.editions, options.edition);
      const { profiles: exported, skipped } = selectForExport(validate(corpus, config.rules), only);

      let text: string;
      if (options.format === 'json') text = profilesJson(exported);
      else {
        const editions = [...new Set(exported.map((v) => v.edition))];
        if (editions.length > 1) throw new InputError(`the profiles are of ${listed(editions.map((e) => e.id), 'and')}, whose datasets have different columns; export one at a time with --edition`);
        const edition = only ?? editions[0];
        text = edition ? datasetCsv(edition, exported) : '';
      }
      if (options.out === undefined) io.stdout(text);
      else {
        await refuseToOverwriteInput(options.out, [...corpus.sources, ...corpus.context].map((source) => source.path), 'the export');
        await writeOutput(options.out, text);
        io.stdout(`exported ${plural(exported.length, 'profile')} to ${displayPath(options.out)}\n`);
      }
      if (skipped.length > 0) {
        io.stderr(`${skipped.map(escapeUnprintable).join('\n')}\nnot exported: ${plural(skipped.length, 'profile')}; run ocindex validate for every problem\n`);
        setExitCode(exitCodes.contentErrors);
      }
    });
}
