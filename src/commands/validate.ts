import { Command, Option } from 'commander';
import { exitCodes } from '../errors.js';
import type { Io, SetExitCode } from './io.js';
import { loadConfig } from '../config/config.js';
import { loadCorpus, validate } from '../corpus.js';
import { describeFix, planFixes } from '../fix/fix.js';
import { withFields } from '../profile/edit.js';
import { parseProfile, type Profile } from '../profile/parse.js';
import { writeAtomically } from '../io/write.js';
import { reporters } from '../report/index.js';
import { summarize } from '../report/messages.js';
import { validateParsed } from '../validate/validate.js';
import { plural } from '../io/suggest.js';

export function registerValidate(cli: Command, io: Io, setExitCode: SetExitCode): void {
  cli
    .command('validate')
    .argument('[paths...]', 'profile files or folders (default: the configured content folder, else content)')
    .addOption(new Option('--format <format>', 'report format').choices(Object.keys(reporters)).default('human'))
    .option('--fix', 'recompute composite scores and ranks and write the values that change')
    .action(async (paths: string[], options: { format: string; fix?: boolean }) => {
      const config = await loadConfig();
      const corpus = await loadCorpus(paths.length > 0 ? paths : [config.content], { editionFolders: config.editions, contentFolders: [config.content] });
      let validation = validate(corpus, config.rules);
      if (options.fix) {
        // Ranked over the whole edition (the context files too), written only to the files asked for.
        const asked = new Set(validation.valid);
        const planned = planFixes([...validation.valid, ...validation.context]);
        const { unrankedEditions } = planned;
        const fixes = planned.fixes.filter((fix) => asked.has(fix.entry));
        const log = options.format === 'human' ? io.stdout : io.stderr;
        for (const edition of unrankedEditions) log(`ranks of ${edition.id} not fixed: the corpus does not hold each of its ${edition.countries.length} countries once\n`);
        const written = new Map<Profile, string>();
        for (const fix of fixes) {
          const text = withFields(fix.entry.profile, fix.changes);
          await writeAtomically(fix.entry.profile.file.path, text);
          written.set(fix.entry.profile, text);
          log(`${describeFix(fix).join('\n')}\n`);
        }
        log(`fixed ${plural(fixes.length, 'profile')}\n`);
        // Validated again as written: only the fixed files are parsed again; the context is unchanged.
        const reparsed = validation.parsed.map((p) => ('profile' in p && written.has(p.profile) ? parseProfile(p.profile.file.path, Buffer.from(written.get(p.profile) ?? '')) : p));
        const context = corpus.context.map((source) => parseProfile(source.path, source.bytes, { narrative: false }));
        if (fixes.length > 0) validation = validateParsed(reparsed, corpus.editions, config.rules, undefined, context);
      }
      const summary = summarize(validation.files, validation.editionFiles);
      io.stdout(reporters[options.format]?.(summary, { color: io.interactive }) ?? '');
      setExitCode(summary.errors > 0 ? exitCodes.contentErrors : exitCodes.ok);
    });
}
