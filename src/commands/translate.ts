import type { Command } from 'commander';
import { loadConfig } from '../config/config.js';
import { exitCodes, InputError } from '../errors.js';
import { withTranslated } from '../profile/mark-current.js';
import { sectionFingerprints } from '../profile/translation.js';
import { plural } from '../text/english.js';
import { loadCorpus } from '../validate/corpus.js';
import { rules } from '../validate/rules/index.js';
import { validateSources } from '../validate/validate.js';
import { writeAtomically } from '../write/write.js';
import type { Io, SetExitCode } from './io.js';

export function registerTranslate(cli: Command, io: Io, setExitCode: SetExitCode): void {
  cli
    .command('translate')
    .argument('[paths...]', 'translations, or folders holding them (default: the configured content folder, else content)')
    .option('--mark-current', "record that each translation renders its source's sections as they are now (after translating what changed)")
    .action(async (paths: string[], options: { markCurrent?: boolean }) => {
      const config = await loadConfig();
      const corpus = await loadCorpus(paths.length > 0 ? paths : [config.content], { editionFolders: config.editions, contentFolders: [config.content], prose: config.prose });
      // The spelling rule aside: the translations' sections are compared, their words are validate's business.
      const checks = rules.filter((rule) => rule.id !== 'spelling');
      const validation = validateSources(corpus.sources, corpus.editions, config.rules, checks, { context: corpus.context, prose: corpus.prose });
      const translations = validation.valid.filter((entry) => entry.translation);
      if (translations.length === 0) throw new InputError(`no valid translations in ${paths.join(', ') || config.content} (a translation names its source: translates: ../<slug>.md)`);
      let stale = 0;
      for (const entry of translations) {
        const { profile, edition, data } = entry;
        const fingerprints = sectionFingerprints(entry.translation!.source.profile, edition.outline);
        const changed = [...fingerprints].filter(([key, value]) => data.translated?.[key] !== value).map(([key]) => key);
        if (options.markCurrent) {
          const recorded = Object.entries(data.translated ?? {});
          if (changed.length === 0 && recorded.length === fingerprints.size) continue;
          await writeAtomically(profile.file.path, withTranslated(profile, fingerprints));
          io.stdout(`${profile.file.path}: marked current (${changed.length > 0 ? `${plural(changed.length, 'section')}: ${changed.join('; ')}` : 'sections no longer in the source dropped'})\n`);
        } else if (changed.length > 0) {
          stale += 1;
          io.stdout(`${profile.file.path}: ${plural(changed.length, 'section')} to translate: ${changed.join('; ')}\n`);
        } else io.stdout(`${profile.file.path}: current\n`);
      }
      if (!options.markCurrent && stale > 0) setExitCode(exitCodes.contentErrors);
    });
}
