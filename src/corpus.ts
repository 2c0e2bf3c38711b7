import type { Edition } from './edition/edition.js';
import { loadEditions } from './edition/load.js';
import { collectProfiles, readSources, type SourceFile } from './io/collect.js';
import { validateSources, type RuleSettings, type Validation } from './validate/validate.js';
import type { ProseSettings } from './validate/rule.js';
import { projectWords } from './prose/project-words.js';

/** The profile files of a set of paths, read, with the editions they may refer to. */
export interface Corpus {
  sources: SourceFile[];
  editions: Map<string, Edition>;
  /** The project's words (every .dictionary file of the paths' folders, and the config's) and prose severity at final. */
  prose: ProseSettings;
}

export interface CorpusOptions {
  /** Folders of extra edition files (editions/<id>.yaml) besides the shipped ones. */
  editionFolders?: string[];
  /** Config `prose`: words besides the .dictionary files, and the prose rules' severity at final. */
  prose?: Partial<ProseSettings>;
}

export async function loadCorpus(paths: string[] = ['content'], options: CorpusOptions = {}): Promise<Corpus> {
  const editions = loadEditions(options.editionFolders);
  const words = [...(await projectWords(paths)), ...(options.prose?.words ?? [])];
  return { sources: await readSources(await collectProfiles(paths)), editions, prose: { words, atFinal: options.prose?.atFinal ?? 'warning', style: options.prose?.style } };
}

export function validate(corpus: Corpus, settings: RuleSettings = {}): Validation {
  return validateSources(corpus.sources, corpus.editions, settings, undefined, corpus.prose);
}
