import { Command, Option } from 'commander';
import { exitCodes, InputError, WriteError } from '../errors.js';
import type { Io, SetExitCode } from './io.js';
import { loadConfig } from '../config/config.js';
import { loadCorpus, validate } from '../validate/corpus.js';
import { describeFix, describeMovedRanks, planFixes } from '../fix/fix.js';
import { withFields } from '../profile/edit.js';
import { parseProfile, parseSource, type Profile } from '../profile/parse.js';
import { describeProseEdit, planProseEdits } from '../validate/prose/fix.js';
import { withNarrativeEdits } from '../validate/prose/edit.js';
import { displayPath } from '../read/collect.js';
import { writeAtomically } from '../write/write.js';
import { reporters } from '../report/index.js';
import { summarize } from '../report/messages.js';
import { validateParsed } from '../validate/validate.js';
import { plural } from '../text/english.js';
import { saveSpellingVerdicts } from '../validate/prose/lexicon.js';

export function registerValidate(cli: Command, io: Io, setExitCode: SetExitCode): void {
  cli
    .command('validate')
    .argument('[paths...]', 'profile files or folders (default: the configured content folder, else content)')
    .addOption(new Option('--format <format>', 'report format').choices(Object.keys(reporters)).default('human'))
    .option('--fix', 'recompute composite scores and ranks, repair doubled spaces and range dashes, and write what changes')
    .action(async (paths: string[], options: { format: string; fix?: boolean }) => {
      const config = await loadConfig();
      const corpus = await loadCorpus(paths.length > 0 ? paths : [config.content], { editionFolders: config.editions, contentFolders: [config.content], prose: config.prose });
      if (corpus.sources.length === 0) throw new InputError(`no profiles in ${paths.join(', ') || displayPath(config.content)}`);
      let validation = validate(corpus, config.rules);
      await saveSpellingVerdicts();
      let unwritten = 0;
      if (options.fix) {
        // Ranked over the whole edition (the context files too), written only to the files asked for.
        // Translations take their scores from their sources: nothing of theirs is ranked or fixed.
        const { fixes, unrankedEditions } = planFixes([...validation.valid, ...validation.context].filter((entry) => !entry.translation));
        const scoreFixes = new Map(fixes.map((fix) => [fix.entry, fix]));
        const log = options.format === 'human' ? io.stdout : io.stderr;
        for (const edition of unrankedEditions) log(`ranks of ${edition.id} not fixed: the corpus does not hold each of its ${edition.countries.length} countries once\n`);
        const written = new Map<Profile, string>();
        for (const entry of validation.valid) {
          const fix = scoreFixes.get(entry);
          const edits = planProseEdits(entry, config.rules);
          if (!fix && edits.length === 0) continue;
          const text = withNarrativeEdits(entry.profile, fix ? withFields(entry.profile, fix.changes) : entry.profile.text, edits);
          // One file that cannot be written is reported; the others are still fixed.
          const failed = await writeAtomically(entry.profile.file.path, text).then(
            () => undefined,
            (error: unknown) => {
              if (error instanceof WriteError) return error.message;
              throw error;
            },
          );
          if (failed) {
            io.stderr(`ocindex: ${failed}\n`);
            unwritten += 1;
            continue;
          }
          written.set(entry.profile, text);
          log(`${[...(fix ? describeFix(fix) : []), ...edits.map((edit) => describeProseEdit(entry.profile.file.path, edit))].join('\n')}\n`);
        }
        log(`fixed ${plural(written.size, 'profile')}${unwritten > 0 ? `; ${plural(unwritten, 'profile')} could not be written` : ''}\n`);
        log(describeMovedRanks(fixes.filter((fix) => !validation.valid.includes(fix.entry))));
        if (written.size > 0) {
          // Validated again as written: only the fixed files are parsed again; the context is unchanged.
          const reparsed = validation.parsed.map((p) => ('profile' in p && written.has(p.profile) ? parseProfile(p.profile.file.path, Buffer.from(written.get(p.profile) ?? '')) : p));
          const context = corpus.context.map((source) => parseSource(source, { narrative: false }));
          validation = validateParsed(reparsed, corpus.editions, config.rules, undefined, { context, prose: corpus.prose });
        }
      }
      const summary = summarize(validation.files, validation.editionFiles, validation.affected);
      io.stdout(reporters[options.format]?.(summary, { color: io.interactive }) ?? '');
      setExitCode(unwritten > 0 ? exitCodes.failure : summary.errors > 0 ? exitCodes.contentErrors : exitCodes.ok);
    });
}
