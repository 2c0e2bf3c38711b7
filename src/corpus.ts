import type { Edition } from './edition/edition.js';
import { loadEditions } from './edition/load.js';
import { collectProfiles, readSources, type SourceFile } from './io/collect.js';
import { validateSources, type RuleSettings, type Validation } from './validate/validate.js';

/** The profile files of a set of paths, read, with the editions they may refer to. */
export interface Corpus {
  sources: SourceFile[];
  editions: Map<string, Edition>;
}

export interface CorpusOptions {
  /** Folders of extra edition files (editions/<id>.yaml) besides the shipped ones. */
  editionFolders?: string[];
}

export async function loadCorpus(paths: string[] = ['content'], options: CorpusOptions = {}): Promise<Corpus> {
  const editions = loadEditions(options.editionFolders);
  return { sources: await readSources(await collectProfiles(paths)), editions };
}

export function validate(corpus: Corpus, settings: RuleSettings = {}): Validation {
  return validateSources(corpus.sources, corpus.editions, settings);
}
