import type { Command } from 'commander';
import { displayPath } from '../io/collect.js';
import { writeAtomically } from '../io/write.js';
import { planWrites } from '../dataset/apply.js';
import { readRows } from '../dataset/import.js';
import { readTable } from '../dataset/read.js';
import { editionById, setup } from './setup.js';
import { exitCodes } from '../errors.js';
import type { Io, SetExitCode } from './io.js';
import { plural } from '../io/suggest.js';

export function registerImport(cli: Command, io: Io, setExitCode: SetExitCode): void {
  cli
    .command('import')
    .argument('<dataset>', 'the dataset, in the index layout (.csv, or an .xlsx workbook)')
    .requiredOption('--edition <id>', 'edition the dataset belongs to')
    .option('--sheet <name>', "workbook sheet to read (default: the one named like the edition, else the first)")
    .option('--out <folder>', 'content folder (default: the configured one, else content)')
    .action(async (dataset: string, options: { edition: string; sheet?: string; out?: string }) => {
      const { config, editions } = await setup();
      const edition = editionById(editions, options.edition);
      const { rows, errors } = readRows(await readTable(dataset, { sheet: options.sheet, edition }), edition);
      const planned = errors.length === 0 ? await planWrites(rows, edition, options.out ?? config.content) : { writes: [], unchanged: 0, errors: [] };
      const problems = [...errors.map((e) => `${dataset}: row ${e.row}${e.column ? `, column ${e.column}` : ''}: ${e.message}`), ...planned.errors];
      if (problems.length > 0) {
        io.stderr(`${problems.join('\n')}\nnothing written: ${plural(problems.length, 'problem')}\n`);
        setExitCode(exitCodes.contentErrors);
        return;
      }
      for (const write of planned.writes) {
        await writeAtomically(write.path, write.text);
        io.stdout(`${write.created ? 'created' : 'updated'} ${displayPath(write.path)}\n`);
      }
      const created = planned.writes.filter((w) => w.created).length;
      io.stdout(`${edition.id}: ${created} created, ${planned.writes.length - created} updated, ${planned.unchanged} unchanged\n`);
    });
}
