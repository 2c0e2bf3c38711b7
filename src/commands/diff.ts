import { Option, type Command } from 'commander';
import { loadConfig } from '../config/config.js';
import { loadCorpus, validate } from '../validate/corpus.js';
import { compareEditions } from '../diff/compare.js';
import { diffFormats } from '../diff/report.js';
import { selectForExport } from '../export/select.js';
import { plural } from '../text/english.js';
import { editionById } from './setup.js';
import { type Io, type SetExitCode } from './io.js';
import { InputError, exitCodes } from '../errors.js';
import { escapeUnprintable } from '../text/unprintable.js';

export function registerDiff(cli: Command, io: Io, setExitCode: SetExitCode): void {
  cli
    .command('diff')
    .argument('<from>', 'the earlier edition, e.g. goci-2021')
    .argument('<to>', 'the later edition, e.g. goci-2023')
    .argument('[paths...]', 'profile files or folders (default: the configured content folder, else content)')
    .addOption(new Option('--format <format>', 'output format').choices(Object.keys(diffFormats)).default('human'))
    .action(async (fromId: string, toId: string, paths: string[], options: { format: keyof typeof diffFormats }) => {
      const config = await loadConfig();
      const corpus = await loadCorpus(paths.length > 0 ? paths : [config.content], { editionFolders: config.editions, prose: config.prose });
      const [from, to] = [editionById(corpus.editions, fromId), editionById(corpus.editions, toId)];
      if (from === to) throw new InputError(`compare two different editions, not ${fromId} with itself`);
      const validation = validate(corpus, config.rules);
      const selections = [selectForExport(validation, from), selectForExport(validation, to)];
      const diff = compareEditions(from, to, selections.flatMap((s) => s.profiles));
      io.stdout(diffFormats[options.format](diff));
      const skipped = selections.flatMap((s) => s.skipped);
      if (skipped.length > 0) {
        io.stderr(`${skipped.map(escapeUnprintable).join('\n')}\nnot compared: ${plural(skipped.length, 'profile')}; run ocindex validate for every problem\n`);
        setExitCode(exitCodes.contentErrors);
      } else setExitCode(exitCodes.ok);
    });
}
