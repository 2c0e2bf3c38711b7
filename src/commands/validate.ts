import { Command, Option } from 'commander';
import { exitCodes, type Io, type SetExitCode } from './io.js';
import { loadConfig } from '../config/config.js';
import { loadCorpus } from '../corpus.js';
import { describeFix, planFixes } from '../fix/fix.js';
import { withFields } from '../profile/edit.js';
import { describeProseEdit, planProseEdits } from '../prose/fix.js';
import { withNarrativeEdits } from '../prose/edit.js';
import { writeAtomically } from '../io/write.js';
import { reporters } from '../report/index.js';
import { summarize } from '../report/messages.js';
import { validateSources } from '../validate/validate.js';
import { plural } from '../io/suggest.js';

export function registerValidate(cli: Command, io: Io, setExitCode: SetExitCode): void {
  cli
    .command('validate')
    .description('check profiles: schema, scores, ranks, geography, narrative outline, spelling and house style')
    .argument('[paths...]', 'profile files or folders (default: the configured content folder, else content)')
    .addOption(new Option('--format <format>', 'report format').choices(Object.keys(reporters)).default('human'))
    .option('--fix', 'recompute composite scores and ranks, repair doubled spaces and range dashes, and write what changes')
    .action(async (paths: string[], options: { format: string; fix?: boolean }) => {
      const config = await loadConfig();
      const corpus = await loadCorpus(paths.length > 0 ? paths : [config.content], { editionFolders: config.editions, prose: config.prose });
      const validateCorpus = () => validateSources(corpus.sources, corpus.editions, config.rules, undefined, corpus.prose);
      let validation = validateCorpus();
      if (options.fix) {
        const { fixes, unrankedEditions } = planFixes(validation.valid);
        const log = options.format === 'human' ? io.stdout : io.stderr;
        for (const edition of unrankedEditions) log(`ranks of ${edition.id} not fixed: the corpus does not hold each of its ${edition.countries.length} countries once\n`);
        const scoreFixes = new Map(fixes.map((fix) => [fix.entry, fix]));
        let fixed = 0;
        for (const entry of validation.valid) {
          const fix = scoreFixes.get(entry);
          const edits = planProseEdits(entry, config.rules);
          if (!fix && edits.length === 0) continue;
          const text = withNarrativeEdits(entry.profile, fix ? withFields(entry.profile, fix.changes) : entry.profile.text, edits);
          await writeAtomically(entry.profile.file.path, text);
          const source = corpus.sources.find((s) => s.path === entry.profile.file.path);
          if (source) source.bytes = Buffer.from(text);
          log([...(fix ? describeFix(fix) : []), ...edits.map((edit) => describeProseEdit(entry.profile.file.path, edit))].join('\n') + '\n');
          fixed += 1;
        }
        log(`fixed ${plural(fixed, 'profile')}\n`);
        if (fixed > 0) validation = validateCorpus();
      }
      const summary = summarize(validation.files);
      io.stdout(reporters[options.format]?.(summary, { color: io.interactive }) ?? '');
      setExitCode(summary.errors > 0 ? exitCodes.contentErrors : exitCodes.ok);
    });
}
