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
  format: 'csv' | 'json' | 'xlsx';
  edition?: string;
  out?: string;
  countryCode?: boolean;
}

export function registerExport(cli: Command, io: Io, setExitCode: SetExitCode): void {
  cli
    .command('export')
    .argument('[paths...]', 'profile files or folders (default: the configured content folder, else content)')
    .addOption(new Option('--format <format>', 'output format: the dataset (csv), the index\'s workbook (xlsx, a sheet per edition) or json').choices(['csv', 'json', 'xlsx']).default('csv'))
    .option('--edition <id>', 'only the profiles of this edition (CSV needs one edition)')
    .option('--out <file>', 'write to this file (atomically) instead of standard output; needed for xlsx')
    .option('--country-code', 'add the Country Code column (ISO 3166-1 alpha-3) after Country (csv, xlsx)')
    .action(async (paths: string[], options: ExportOptions) => {
      if (options.format === 'xlsx' && options.out === undefined) throw new InputError('an .xlsx workbook is not text: name its file with --out');
      const config = await loadConfig();
      const corpus = await loadCorpus(paths.length > 0 ? paths : [config.content], { editionFolders: config.editions });
      const only = options.edition === undefined ? undefined : editionById(corpus.editions, options.edition);
      const { profiles: exported, skipped } = selectForExport(validate(corpus, config.rules), only);

      const editions = [...new Set(exported.map((v) => v.edition))];
      const dataset = { countryCode: options.countryCode === true };
      let text: string | Uint8Array;
      if (options.format === 'json') text = profilesJson(exported);
      // exceljs is loaded only for a workbook: CSV and JSON start as fast as before.
      else if (options.format === 'xlsx') text = await (await import('../export/xlsx.js')).datasetWorkbook((only ? [only] : editions).map((edition) => ({ edition, profiles: exported.filter((v) => v.edition === edition) })), dataset);
      else {
        if (editions.length > 1) throw new InputError(`the profiles are of ${listed(editions.map((e) => e.id), 'and')}, whose datasets have different columns; export one at a time with --edition (or all as --format xlsx, a sheet each)`);
        const edition = only ?? editions[0];
        text = edition ? datasetCsv(edition, exported, dataset) : '';
      }
      if (options.out === undefined) io.stdout(text as string);
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
