import { Command, Option } from 'commander';
import { exitCodes, type Io, type SetExitCode } from './io.js';
import { loadConfig } from '../config/config.js';
import { loadCorpus } from '../corpus.js';
import { describeFix, planFixes } from '../fix/fix.js';
import { withFields } from '../profile/edit.js';
import { displayPath, InputError } from '../io/collect.js';
import { WriteError, writeAtomically } from '../io/write.js';
import { reporters } from '../report/index.js';
import { summarize } from '../report/messages.js';
import { validateSources } from '../validate/validate.js';
import { plural } from '../io/suggest.js';

export function registerValidate(cli: Command, io: Io, setExitCode: SetExitCode): void {
  cli
    .command('validate')
    .description('check profiles: schema, scores, ranks, geography, narrative outline')
    .argument('[paths...]', 'profile files or folders (default: the configured content folder, else content)')
    .addOption(new Option('--format <format>', 'report format').choices(Object.keys(reporters)).default('human'))
    .option('--fix', 'recompute composite scores and ranks and write the values that change')
    .action(async (paths: string[], options: { format: string; fix?: boolean }) => {
      const config = await loadConfig();
      const corpus = await loadCorpus(paths.length > 0 ? paths : [config.content], { editionFolders: config.editions });
      if (corpus.sources.length === 0) throw new InputError(`no profiles in ${paths.join(', ') || displayPath(config.content)}`);
      let validation = validateSources(corpus.sources, corpus.editions, config.rules);
      let unwritten = 0;
      if (options.fix) {
        const { fixes, unrankedEditions } = planFixes(validation.valid);
        const log = options.format === 'human' ? io.stdout : io.stderr;
        for (const edition of unrankedEditions) log(`ranks of ${edition.id} not fixed: the corpus does not hold each of its ${edition.countries.length} countries once\n`);
        for (const fix of fixes) {
          const text = withFields(fix.entry.profile, fix.changes);
          // One file that cannot be written is reported; the others are still fixed.
          const failed = await writeAtomically(fix.entry.profile.file.path, text).then(() => undefined, (error: unknown) => {
            if (error instanceof WriteError) return error.message;
            throw error;
          });
          if (failed) {
            io.stderr(`ocindex: ${failed}\n`);
            unwritten += 1;
            continue;
          }
          const source = corpus.sources.find((s) => s.path === fix.entry.profile.file.path);
          if (source) source.bytes = Buffer.from(text);
          log(`${describeFix(fix).join('\n')}\n`);
        }
        log(`fixed ${plural(fixes.length - unwritten, 'profile')}${unwritten > 0 ? `; ${plural(unwritten, 'profile')} could not be written` : ''}\n`);
        if (fixes.length > 0) validation = validateSources(corpus.sources, corpus.editions, config.rules);
      }
      const summary = summarize(validation.files);
      io.stdout(reporters[options.format]?.(summary, { color: io.interactive }) ?? '');
      setExitCode(unwritten > 0 ? exitCodes.failure : summary.errors > 0 ? exitCodes.contentErrors : exitCodes.ok);
    });
}
