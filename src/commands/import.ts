import type { Command } from 'commander';
import { displayPath } from '../read/collect.js';
import { writeAll } from '../write/write.js';
import { planWrites } from '../dataset/apply.js';
import { readRows } from '../dataset/import.js';
import { readTable } from '../dataset/read.js';
import { editionById, setup } from './setup.js';
import { exitCodes } from '../errors.js';
import type { Io, SetExitCode } from './io.js';
import { plural } from '../text/english.js';

/** A dataset with thousands of bad cells shows this many, then how many more. */
const shownProblems = 20;

export function registerImport(cli: Command, io: Io, setExitCode: SetExitCode): void {
  cli
    .command('import')
    .argument('<dataset>', 'the dataset, in the index layout (.csv, or an .xlsx workbook)')
    .requiredOption('--edition <id>', 'edition the dataset belongs to')
    .option('--sheet <name>', "workbook sheet to read (default: the one named like the edition: 2025_dataset, goci-2025 or 2025; else the first)")
    .option('--out <folder>', 'content folder (default: the configured one, else content)')
    .action(async (dataset: string, options: { edition: string; sheet?: string; out?: string }) => {
      const { config, editions } = await setup();
      const edition = editionById(editions, options.edition);
      const { rows, errors, ranked, ignored } = readRows(await readTable(dataset, { sheet: options.sheet, edition }), edition, editions.values());
      if (ignored.length > 0) io.stdout(`ignored ${plural(ignored.length, 'column')} ${edition.id} does not have: ${ignored.join(', ')}\n`);
      const planned = errors.length === 0 ? await planWrites(rows, edition, options.out ?? config.content) : { writes: [], unchanged: 0, errors: [] };
      const problems = [...errors.map((e) => `${dataset}: row ${e.row}${e.column ? `, column ${e.column}` : ''}: ${e.message}`), ...planned.errors];
      if (problems.length > 0) {
        const more = problems.length > shownProblems ? `… and ${problems.length - shownProblems} more\n` : '';
        io.stderr(`${problems.slice(0, shownProblems).join('\n')}\n${more}nothing written: ${plural(problems.length, 'problem')}\n`);
        setExitCode(exitCodes.contentErrors);
        return;
      }
      if (!ranked) {
        io.stdout(`ranks not computed: the dataset holds ${rows.length} of the ${edition.countries.length} countries of ${edition.id}; existing profiles keep their ranks, new ones get empty rank fields\n`);
      }
      // All or nothing: a failure leaves every profile as it was.
      await writeAll(planned.writes.map((write) => ({ path: write.path, data: write.text })));
      for (const write of planned.writes) io.stdout(`${write.created ? 'created' : 'updated'} ${displayPath(write.path)}\n`);
      const created = planned.writes.filter((w) => w.created).length;
      io.stdout(`${edition.id}: ${created} created, ${planned.writes.length - created} updated, ${planned.unchanged} unchanged\n`);
    });
}
