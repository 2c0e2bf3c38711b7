import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Edition } from '../edition/edition.js';
import { loadEditions } from '../edition/load.js';
import { translatesLine } from '../read/translations.js';
import { collectProfiles, displayPath, isProfileFileName, readSources, type SourceFile } from '../read/collect.js';
import { validateSources, type RuleSettings, type Validation } from './validate.js';
import { projectWords } from './prose/project-words.js';
import type { ProseSettings } from './prose/settings.js';

/** The profile files of a set of paths, read, with the editions they may refer to. */
export interface Corpus {
  sources: SourceFile[];
  /**
   * The other profiles of the editions the sources belong to, read so that the corpus rules (ranks,
   * one profile per country) see whole editions; they are not reported on.
   */
  context: SourceFile[];
  editions: Map<string, Edition>;
  /** The project's words (every .dictionary file of the paths' folders, and the config's) and prose severity at final. */
  prose: ProseSettings;
}

export interface CorpusOptions {
  /** Folders of extra edition files (editions/<id>.yaml) besides the shipped ones. */
  editionFolders?: string[];
  /** Content folders (<edition>/<slug>.md) whose edition folders give the sources their context. */
  contentFolders?: string[];
  /** Folders whose profiles join the context though no source is in them (where a profile was deleted). */
  contextFolders?: string[];
  /** Config `prose`: words besides the .dictionary files, and the prose rules' severity at final. */
  prose?: Partial<ProseSettings>;
}

// Read from the front-matter's text without parsing it: a file whose YAML is broken still names its edition.
const editionLine = /^edition:[ \t]*["']?([A-Za-z0-9_.-]+)/m;

const headOf = (source: SourceFile): string => Buffer.from(source.bytes.subarray(0, 4096)).toString('utf8');

/** The sources of the translations among the files, as paths: read with them, so that a translation is checked against its source. */
function translatedSources(sources: SourceFile[]): string[] {
  return sources.flatMap((source) => {
    const translates = translatesLine.exec(headOf(source))?.[1];
    // Only a profile file is read for a translation: a `translates:` naming any other file reads nothing.
    return translates === undefined || !isProfileFileName(basename(translates)) ? [] : [displayPath(join(dirname(source.path), translates))];
  });
}

/**
 * Where the rest of each source's edition lives: the source's own folder (the file-name rule wants
 * <edition>/<slug>.md) and, for a source inside a content folder, that folder's <edition>. A file
 * outside the content folders (a copy in drafts/) is not compared with the content.
 */
function editionFolders(sources: SourceFile[], contentFolders: string[]): string[] {
  const folders = new Set<string>();
  for (const source of sources) {
    const head = headOf(source);
    // A translation's folder (goci-2021/fr) holds no edition: its source's is read for it.
    if (translatesLine.test(head)) continue;
    folders.add(displayPath(dirname(source.path)));
    const id = editionLine.exec(head)?.[1] ?? basename(dirname(source.path));
    for (const content of contentFolders.filter((folder) => isInside(source.path, folder))) folders.add(displayPath(join(content, id)));
  }
  return [...folders].filter((folder) => existsSync(folder));
}

/** The profiles directly in each folder (not in subfolders: a file in the home folder must not make it search all of it). */
async function profilesIn(folders: string[]): Promise<string[]> {
  const lists = await Promise.all(
    folders.map(async (folder) =>
      (await readdir(folder, { withFileTypes: true }))
        .filter((entry) => entry.isFile() && isProfileFileName(entry.name))
        .map((entry) => displayPath(join(folder, entry.name))),
    ),
  );
  return [...new Set(lists.flat())].sort();
}

function isInside(path: string, folder: string): boolean {
  const from = relative(resolve(folder), resolve(path));
  return from !== '' && !from.startsWith('..') && !isAbsolute(from);
}

export async function loadCorpus(paths: string[] = ['content'], options: CorpusOptions = {}): Promise<Corpus> {
  const editions = loadEditions(options.editionFolders);
  const sources = await readSources(await collectProfiles(paths));
  const requested = new Set(sources.map((source) => source.path));
  const originals = await readSources([...new Set(translatedSources(sources))].filter((path) => !requested.has(path) && existsSync(path)));
  const folders = [...new Set([...editionFolders([...sources, ...originals], options.contentFolders ?? []), ...(options.contextFolders ?? []).map((folder) => displayPath(folder))])];
  const others = (await profilesIn(folders)).filter((path) => !requested.has(path));
  const words = [...(await projectWords(paths)), ...(options.prose?.words ?? [])];
  const style = options.prose?.style;
  const prose: ProseSettings = { words, atFinal: options.prose?.atFinal ?? 'warning', ...(style ? { style } : {}) };
  return { sources, context: await readSources(others), editions, prose };
}

export function validate(corpus: Corpus, settings: RuleSettings = {}): Validation {
  return validateSources(corpus.sources, corpus.editions, settings, undefined, { context: corpus.context, prose: corpus.prose });
}
