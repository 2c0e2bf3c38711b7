import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readRows } from '../dataset/import.js';
import { narrativeLimits } from '../profile/limits.js';
import { parseProfile, type ParsedFile } from '../profile/parse.js';
import { azerbaijan2021, check, datasetPath, editions, emptyFolder, ocindex } from '../testing/support.js';

/**
 * Property-based tests over hostile input. `npm test` runs few cases with a fixed seed; `npm run fuzz`
 * runs many (FUZZ_RUNS, default 2000) with a fresh seed (FUZZ_SEED to replay one).
 */
const runs = Number(process.env.FUZZ_RUNS ?? 25);
const seed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS ? Date.now() : 20261129;
const settings = { numRuns: runs, seed, endOnFailure: true };
const timeout = Math.max(120_000, runs * 2_000);

const path = 'content/goci-2021/azerbaijan.md';
const frontMatterEnd = azerbaijan2021.indexOf('\n---', 4) + 5;
const frontMatter = azerbaijan2021.slice(0, frontMatterEnd);

/** The seed profile's parse time, the yardstick of this run: the median of 15 warm parses. */
function seedParseMs(): number {
  const times: number[] = [];
  for (let i = 0; i < 18; i += 1) {
    const started = performance.now();
    parseProfile(path, Buffer.from(azerbaijan2021));
    if (i >= 3) times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[7] as number;
}
const yardstick = seedParseMs();
/**
 * A 1 MB file is 75 times the seed; pathological input without the limits took thousands of times
 * its parse (20 KB of `*` took 26 s). Generous, for a machine shared with other jobs.
 */
const bound = Math.max(400 * yardstick, 1_000);

/** Parses, timing it; asserts no throw and the bound, and returns the outcome. */
function parseTimed(text: string | Uint8Array): ParsedFile {
  const started = performance.now();
  const parsed = parseProfile(path, typeof text === 'string' ? Buffer.from(text) : text);
  const elapsed = performance.now() - started;
  expect(elapsed, `parse took ${elapsed.toFixed(0)} ms; the seed takes ${yardstick.toFixed(1)} ms`).toBeLessThan(bound);
  return parsed;
}

/** Validation gives the file messages of its own, each at a real position of the file. */
function expectMessagesAt(text: string, ruleIds: string[]): void {
  const messages = check({ [path]: text });
  expect(messages.length).toBeGreaterThan(0);
  const lines = text.split('\n').length;
  for (const m of messages) {
    expect(m.file).toBe(path);
    expect(m.line).toBeGreaterThanOrEqual(1);
    expect(m.line).toBeLessThanOrEqual(lines);
  }
  expect(ruleIds).toContain(messages[0]?.ruleId);
}

const markdownPieces = fc.constantFrom('>', '> ', '- ', '* ', '1. ', '  ', '\t', '*', '**', '_', '[', ']', '](', '(', ')', '`', '```', '<', '<a ', '&amp;', '\\', '#', '# ', '\n', '\n\n', 'word ', '![', '---\n', '===\n', '|', '\u00a0', 'é');
const runOf = fc.tuple(fc.constantFrom('>', '- ', '*', '_', '[', ']', '`', '  ', '\n', 'a'), fc.integer({ min: 1, max: 20_000 })).map(([piece, n]) => piece.repeat(n));
const narrative = fc.array(fc.oneof(markdownPieces, runOf, fc.string({ maxLength: 40 })), { maxLength: 60 }).map((parts) => parts.join(''));

describe('fuzz: Markdown narratives', () => {
  it('any narrative parses within the bound, or gets a message at a real position', () => {
    fc.assert(
      fc.property(narrative, (body) => {
        const text = frontMatter + body;
        const parsed = parseTimed(text);
        if ('problem' in parsed) expectMessagesAt(text, ['markdown', 'file']);
      }),
      settings,
    );
  }, timeout);

  it('nesting deeper than the limit is always a markdown message on its line', () => {
    fc.assert(
      fc.property(fc.constantFrom('>', '> ', '- ', '* ', '1. '), fc.integer({ min: narrativeLimits.nesting + 1, max: 30_000 }), fc.nat(5), (marker, depth, before) => {
        const text = `${frontMatter}${'Some text.\n\n'.repeat(before)}${marker.repeat(depth)}a\n`;
        const parsed = parseTimed(text);
        expect('problem' in parsed && parsed.problem.ruleId).toBe('markdown');
        expect(check({ [path]: text })[0]).toMatchObject({ line: frontMatter.split('\n').length + 2 * before, ruleId: 'markdown' });
      }),
      settings,
    );
  }, timeout);

  it('emphasis runs of any length parse within the bound', () => {
    fc.assert(
      fc.property(fc.constantFrom('*', '_', '**', '[', '[a]('), fc.integer({ min: 1, max: 30_000 }), fc.integer({ min: 1, max: 30_000 }), (mark, left, right) => {
        parseTimed(`${frontMatter}${mark.repeat(left)}a${mark.repeat(right)}\n`);
      }),
      settings,
    );
  }, timeout);

  it('long lines up to the size limit parse within the bound', () => {
    fc.assert(
      fc.property(fc.constantFrom('a', 'word ', 'é', '*a* ', '&amp;'), fc.integer({ min: 1, max: 900_000 }), (piece, length) => {
        const text = frontMatter + piece.repeat(Math.ceil(length / piece.length)).slice(0, length);
        parseTimed(text);
      }),
      { ...settings, numRuns: Math.max(5, Math.floor(runs / 4)) },
    );
  }, timeout);

  it('a control character anywhere is a file message at its line and column', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: azerbaijan2021.length }), fc.integer({ min: 0, max: 31 }).filter((c) => ![9, 10, 13].includes(c)), (at, code) => {
        const text = azerbaijan2021.slice(0, at) + String.fromCharCode(code) + azerbaijan2021.slice(at);
        const before = text.slice(0, at).split('\n');
        expect(check({ [path]: text })).toEqual([expect.objectContaining({ ruleId: 'file', line: before.length, column: (before.at(-1) as string).length + 1 })]);
      }),
      settings,
    );
  }, timeout);
});

describe('fuzz: YAML front-matter', () => {
  const yamlPieces = fc.constantFrom('a', 'key', ': ', '\n', '  ', '- ', '[', ']', '{', '}', ',', '&a ', '*a', '*b ', '&b ', '<<: ', '"', "'", '#', '!!str ', '? ', '|', '>-', '---', '...', '%YAML 1.2\n', '\t', 'null', '4.5', '1e9');
  const frontMatterText = fc.array(fc.oneof(yamlPieces, fc.string({ maxLength: 10 })), { maxLength: 80 }).map((p) => p.join(''));

  it('any front-matter parses within the bound, or gets a message within the file', () => {
    fc.assert(
      fc.property(frontMatterText, (yaml) => {
        const text = `---\n${yaml}\n---\n\n# Criminality\n`;
        const parsed = parseTimed(text);
        if ('problem' in parsed) expectMessagesAt(text, ['frontmatter', 'file']);
        else expect(check({ [path]: text }).length).toBeGreaterThan(0); // never a valid profile
      }),
      settings,
    );
  }, timeout);

  it('an alias without its anchor (funding: *Pending*) is a frontmatter message at the alias', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,15}$/), (word) => {
        const text = azerbaijan2021.replace(/^funding: >-\n(?: {2}.*\n)+/m, `funding: *${word}*\n`);
        const line = text.slice(0, text.indexOf('funding:')).split('\n').length;
        expect(check({ [path]: text })).toEqual([expect.objectContaining({ ruleId: 'frontmatter', line, column: 10, message: expect.stringContaining('is a YAML alias') })]);
      }),
      settings,
    );
  }, timeout);

  it('alias bombs of any shape are refused, not expanded', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 4, max: 40 }), (levels, width) => {
        const lines = [`l0: &l0 [${Array(width).fill('x').join(', ')}]`];
        for (let i = 1; i < levels; i += 1) lines.push(`l${i}: &l${i} [${Array(width).fill(`*l${i - 1}`).join(', ')}]`);
        const text = `---\n${lines.join('\n')}\n---\n`;
        const parsed = parseTimed(text);
        // width^levels values: more than 100 aliases are refused.
        if ((levels - 1) * width > 100) expect('problem' in parsed && parsed.problem.reason).toMatch(/aliases expand to more than 100 values/);
      }),
      settings,
    );
  }, timeout);
});

describe('fuzz: mutated profiles', () => {
  const mutation = fc.tuple(fc.nat(azerbaijan2021.length), fc.nat(200), fc.oneof(fc.string({ maxLength: 30 }), markdownPieces, fc.constantFrom('\uFEFF', '\r\n', '\u2028', '\uD800', '---\n', '*', '&x ', '*x')));

  it('inserting, deleting or replacing anything never throws, and bounds hold', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (edits) => {
        let text = azerbaijan2021;
        for (const [at, remove, insert] of edits) text = text.slice(0, at) + insert + text.slice(at + remove);
        parseTimed(text);
        // validation of the mutated file alongside the untouched seed: the seed's verdict does not change.
        const other = 'content/goci-2021/untouched.md';
        const messages = check({ [path]: text, [other]: azerbaijan2021 }).filter((m) => m.file === other && m.ruleId !== 'rank' && m.ruleId !== 'unique-country' && m.ruleId !== 'file-name');
        expect(messages).toEqual([]);
      }),
      settings,
    );
  }, timeout);

  it('random bytes (invalid UTF-8 included) are a message, never a throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const parsed = parseTimed(bytes);
        expect('problem' in parsed).toBe(true);
      }),
      settings,
    );
  }, timeout);
});

describe('fuzz: dataset cells', () => {
  const table = (parse(readFileSync(datasetPath('goci-2021')), { bom: true }) as string[][]);
  const edition = editions.get('goci-2021');
  if (!edition) throw new Error('goci-2021 not found');

  it('any text in a score cell is read as a number or reported at its row and column', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: table.length - 1 }), fc.integer({ min: 3, max: (table[0] as string[]).length - 1 }), fc.oneof(fc.string(), fc.double().map(String), fc.constantFrom('', ' ', 'n/a', '1,5', '5.', '.5', '1e1', '-1', 'NaN', '00005.00')), (row, column, cell) => {
        const copy = table.map((r) => [...r]);
        (copy[row] as string[])[column] = cell;
        const { errors } = readRows(copy, edition);
        if (!/^\s*\d+(\.\d+)?\s*$/.test(cell)) expect(errors).toContainEqual(expect.objectContaining({ row: row + 1, column: expect.stringMatching(/^[A-Z]+ \(/), message: `'${cell.trim()}' is not a number` }));
      }),
      settings,
    );
  }, timeout);
});

describe('fuzz: Unicode classes (issue 21)', () => {
  const invisible = fc.constantFrom('\u202E', '\u202D', '\u2066', '\u2069', '\u200F', '\u061C', '\u200B', '\u200D', '\u2060', '\uFEFF', '\u0085', '\u2028');
  const visible = fc.constantFrom('word ', 'Côte ', 'Cote\u0301 ', 'e\u0301', 'Ångström ', '«', '»', ' ', '.', '\n\n');
  const at = (text: string, line: number, column: number) => (text.split('\n')[line - 1] ?? '').slice(column - 1);

  it('every bidirectional, invisible or C1 character in a narrative is reported where it stands; NFD letters are not', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(visible, visible, invisible), { minLength: 1, maxLength: 40 }), (pieces) => {
        const text = `${frontMatter}${pieces.join('')}\n`;
        const messages = check({ [path]: text });
        expect(messages.filter((m) => /could not check/.test(m.message))).toEqual([]);
        const found = messages.filter((m) => m.ruleId === 'unprintable-characters');
        // A byte-order mark that opens the narrative is not read as text (it prints nothing).
        // A narrative of white space alone (U+2028 is white space) is no narrative.
        const printed = pieces.join('').trim() === '' ? [] : pieces[0] === '\uFEFF' ? pieces.slice(1) : pieces;
        const planted = printed.filter((piece) => /^[\u202E\u202D\u2066\u2069\u200F\u061C\u200B\u200D\u2060\uFEFF\u0085\u2028]$/.test(piece)).length;
        expect(found.length).toBe(Math.min(planted, 20));
        for (const m of found) expect(at(text, m.line, m.column)).toMatch(/^[\u202E\u202D\u2066\u2069\u200F\u061C\u200B\u200D\u2060\uFEFF\u0085\u2028]/);
        expect(messages.filter((m) => m.ruleId === 'font-coverage')).toEqual([]);
      }),
      settings,
    );
  }, timeout);

  it('a lone surrogate or control character written as a YAML escape is reported at its field', () => {
    fc.assert(
      fc.property(fc.constantFrom('\\uD800', '\\uDFFF', '\\0', '\\e', '\\x85', '\\u202E'), fc.string({ maxLength: 10 }).filter((s) => !/["\\\n]/.test(s)), (escape, around) => {
        const text = azerbaijan2021.replace(/^funding: >-\n(?: {2}.*\n)+/m, () => `funding: "${around}${escape}${around}"\n`);
        const messages = check({ [path]: text }).filter((m) => m.ruleId === 'unprintable-characters');
        expect(messages.length).toBeGreaterThanOrEqual(1);
        expect(messages.every((m) => m.line === text.slice(0, text.indexOf('funding:')).split('\n').length)).toBe(true);
      }),
      settings,
    );
  }, timeout);
});

describe('fuzz: file-system shapes (issue 21)', () => {
  type Step = { kind: 'folder' | 'profile' | 'link' | 'dangling' | 'pipe' | 'device'; parent: number; target: number };
  const step = fc.record({ kind: fc.constantFrom('folder', 'folder', 'profile', 'profile', 'link', 'link', 'dangling', 'pipe', 'device'), parent: fc.nat(), target: fc.nat() }) as fc.Arbitrary<Step>;

  it('any tree of folders, links (loops too), pipes and devices is walked once per real folder, each file its own outcome', async () => {
    const draft = azerbaijan2021.replace('status: final', 'status: draft');
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        const root = emptyFolder();
        const folders = [root];
        let files = 0;
        steps.forEach(({ kind, parent, target }, index) => {
          const at = folders[parent % folders.length] as string;
          const name = join(at, `n${index}`);
          if (kind === 'folder') folders.push((mkdirSync(name), name));
          else if (kind === 'link') symlinkSync(relative(at, folders[target % folders.length] as string) || '.', name);
          else if (kind === 'dangling') symlinkSync('missing', `${name}.md`);
          else if (kind === 'profile') writeFileSync(`${name}.md`, draft);
          else if (kind === 'pipe') execFileSync('mkfifo', [`${name}.md`]);
          else symlinkSync('/dev/zero', `${name}.md`);
          if (kind !== 'folder' && kind !== 'link') files += 1;
        });
        const { code, stdout } = await ocindex(['validate', root, '--format', 'json'], root);
        if (files === 0) {
          expect(code).toBe(2); // no profiles: a usage error
          return;
        }
        const report = JSON.parse(stdout) as { profiles: number; messages: { file: string; message: string }[] };
        expect(report.profiles).toBe(files);
        expect(report.messages.filter((m) => /could not check/.test(m.message))).toEqual([]);
      }),
      { ...settings, numRuns: Math.min(runs, 40) },
    );
  }, timeout);
});
