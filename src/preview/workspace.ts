import { lstat } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import type { VFile } from 'vfile';
import type { Corpus } from '../validate/corpus.js';
import type { Edition } from '../edition/edition.js';
import { displayPath, readBounded, type SourceFile } from '../read/collect.js';
import type { ValidProfile } from '../profile/valid.js';
import { rules } from '../validate/rules/index.js';
import { validateParsed, type RuleSettings } from '../validate/validate.js';
import { parseSource, type ParsedFile } from '../profile/parse.js';
import { translatedSourcePath } from '../profile/translation.js';

/** One profile file as the preview shows it. */
export interface ProfileState {
  /** Its path in the content folder without .md, e.g. "goci-2021/azerbaijan": its address under /profile/. */
  key: string;
  source: SourceFile;
  /** The file parsed, kept so that re-validating its edition parses only what changed. */
  parsed: ParsedFile;
  /** The latest validation, messages attached. */
  file: VFile;
  /** The latest version, if it fits its edition's schema. */
  entry?: ValidProfile;
  /** What the pages show: the latest version that fitted its schema; stale when it is not `entry`. */
  printed?: ValidProfile;
}

/** The rules that look at one file at a time. */
const fileRules = rules.filter((rule) => rule.stage !== 'corpus');

interface Read {
  source: SourceFile;
  parsed: ParsedFile;
}

const read = (source: SourceFile): Read => ({ source, parsed: parseSource(source) });

/** collectProfiles' order: messages tied to an edition's first profile (rank's) land where validate puts them. */
const byPath = (a: Read, b: Read) => (a.source.path < b.source.path ? -1 : a.source.path > b.source.path ? 1 : 0);

/** What one update touched, by key. */
export interface Update {
  /** Profiles whose file changed, was added or removed. */
  changed: string[];
  /** Profiles re-validated: their messages may have changed. Removed profiles are among them. */
  revalidated: string[];
  /** Profiles whose printed pages changed. */
  pages: string[];
}

/**
 * The content folder in memory: every file's bytes and latest validation. A change re-reads only the
 * changed files and re-validates their editions' profiles, whose rank messages depend on each other.
 */
export class Workspace {
  readonly profiles = new Map<string, ProfileState>();
  /** Messages about editions as a whole (countries missing), by the folder they are reported on. */
  readonly editionNotes = new Map<string, VFile>();
  readonly #content: string;
  readonly #editions: Map<string, Edition>;
  readonly #settings: RuleSettings;
  readonly #prose: Corpus['prose'];

  constructor(content: string, corpus: Corpus, settings: RuleSettings = {}) {
    this.#content = resolve(content);
    this.#editions = corpus.editions;
    this.#settings = settings;
    this.#prose = corpus.prose;
    this.#validate(corpus.sources.map(read));
  }

  keyOf(path: string): string {
    return relative(this.#content, resolve(path)).split(sep).join('/').replace(/\.md$/, '');
  }

  /** Applies changed, added or removed files (absolute or working-folder paths). */
  async update(paths: string[]): Promise<Update> {
    const removed: string[] = [];
    const changed: Read[] = [];
    const editions = new Set<Edition>();
    for (const path of paths) {
      const key = this.keyOf(path);
      const before = this.profiles.get(key);
      const content = await readBounded(path);
      // A file that is gone is removed; one that is there but cannot be read keeps its place, with its message.
      const exists = 'bytes' in content || (await lstat(path).then(() => true, () => false));
      const bytes = 'bytes' in content ? content.bytes : new Uint8Array();
      // Editors often save, or touch, a file without changing it.
      if ('bytes' in content && before && !before.source.unreadable && Buffer.compare(before.source.bytes, bytes) === 0) continue;
      if (before?.entry) editions.add(before.entry.edition);
      if (!exists) {
        if (before) removed.push(key);
        this.profiles.delete(key);
        continue;
      }
      const file = read({ path: displayPath(path), bytes, ...('unreadable' in content ? { unreadable: content.unreadable } : {}) });
      // Checked alone first, to learn the edition it belongs to now.
      const [entry] = validateParsed([file.parsed], this.#editions, this.#settings, fileRules, { prose: this.#prose }).valid;
      if (entry) editions.add(entry.edition);
      // A translation alone has no source: its source's edition is the one to check it with.
      const source = 'profile' in file.parsed ? translatedSourcePath(file.parsed.profile) : undefined;
      const sourceEntry = source === undefined ? undefined : this.profiles.get(this.keyOf(source))?.entry;
      if (sourceEntry) editions.add(sourceEntry.edition);
      changed.push(file);
    }
    const changedPaths = new Set(changed.map((c) => c.source.path));
    const others = [...this.profiles.values()].filter((p) => !changedPaths.has(p.source.path) && p.entry && editions.has(p.entry.edition));
    const printedBefore = new Map(changed.map((c) => [this.keyOf(c.source.path), this.profiles.get(this.keyOf(c.source.path))?.printed]));
    const revalidated = this.#validate([...changed, ...others].sort(byPath));
    const pages = [...printedBefore].filter(([key, printed]) => this.profiles.get(key)?.printed !== printed).map(([key]) => key);
    return { changed: [...changed.map((c) => this.keyOf(c.source.path)), ...removed], revalidated: [...revalidated, ...removed], pages };
  }

  /** Validates files as one corpus and stores the results; returns their keys. */
  #validate(reads: Read[]): string[] {
    const { files, valid, editionFiles } = validateParsed(reads.map((r) => r.parsed), this.#editions, this.#settings, undefined, { prose: this.#prose });
    const folders = new Set(reads.map((r) => dirname(r.source.path)));
    for (const folder of folders) this.editionNotes.delete(folder);
    for (const note of editionFiles) this.editionNotes.set(note.path, note);
    const entries = new Map(valid.map((entry) => [entry.profile.file, entry]));
    // validateParsed returns one file per parsed file, in order.
    return reads.map(({ source, parsed }, index) => {
      const key = this.keyOf(source.path);
      const file = files[index] as VFile;
      const entry = entries.get(file);
      const printed = entry ?? this.profiles.get(key)?.printed;
      this.profiles.set(key, { key, source, parsed, file, entry, printed });
      return key;
    });
  }
}
