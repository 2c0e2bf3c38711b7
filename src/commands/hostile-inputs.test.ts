import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { azerbaijan2021, bundledContent, datasetPath, emptyFolder, ocindex } from '../testing/support.js';

// Issue 21: the second hostile round. Each case ends in bounded time with its own outcome; tests
// that could hang if a case came back have their own timeout.

/** A project folder (package.json marks its root) with the final Azerbaijan 2021 profile. */
function project(parent = emptyFolder()): { root: string; profile: string } {
  const root = join(parent, 'project');
  mkdirSync(join(root, 'content', 'goci-2021'), { recursive: true });
  writeFileSync(join(root, 'package.json'), '{"name": "profiles"}\n');
  const profile = join(root, 'content', 'goci-2021', 'azerbaijan.md');
  writeFileSync(profile, azerbaijan2021);
  return { root, profile };
}

describe('PDFs read as every file is (finding 2)', () => {
  it('preflight refuses a .pdf that is a pipe or a link to /dev/zero, and checks the others', { timeout: 30_000 }, async () => {
    const folder = emptyFolder();
    execFileSync('mkfifo', [join(folder, 'pipe.pdf')]);
    symlinkSync('/dev/zero', join(folder, 'zero.pdf'));
    writeFileSync(join(folder, 'text.pdf'), 'not a PDF');
    const { code, stdout } = await ocindex(['preflight', 'pipe.pdf', 'zero.pdf', 'text.pdf'], folder);
    // A file preflight cannot read is a failure (2), as documented.
    expect(code).toBe(2);
    expect(stdout.split('\n').slice(0, 3)).toEqual([
      'pipe.pdf  error  is a named pipe, not a file; a PDF is a regular file',
      'zero.pdf  error  is a device, not a file; a PDF is a regular file',
      expect.stringMatching(/^text\.pdf {2}error {2}not a readable PDF \(/),
    ]);
  });

  it('proof reports a pipe, a device and a file that is no PDF as problems of their own, without log lines, in a folder with a link loop', { timeout: 30_000 }, async () => {
    const folder = emptyFolder();
    mkdirSync(join(folder, 'out'));
    execFileSync('mkfifo', [join(folder, 'out', 'pipe.pdf')]);
    symlinkSync('/dev/zero', join(folder, 'out', 'zero.pdf'));
    writeFileSync(join(folder, 'out', 'broken.pdf'), '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
    symlinkSync('..', join(folder, 'out', 'up'));
    const { code, stdout, stderr } = await ocindex(['proof', 'out', '--out', 'proof.pdf'], folder);
    expect(code).toBe(1);
    expect(stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^broken\.pdf: not a PDF that can be shown \(/),
      'pipe.pdf: is a named pipe, not a file; a PDF is a regular file',
      'zero.pdf: is a device, not a file; a PDF is a regular file',
    ]);
    expect(stdout).toMatch(/^proof\.pdf: 0 profiles on 1 sheet/);
  });
});

describe('.dictionary files (finding 3)', () => {
  it('a pipe above the project root is never read: the search stops at the root', { timeout: 30_000 }, async () => {
    const outer = emptyFolder();
    execFileSync('mkfifo', [join(outer, '.dictionary')]);
    const { profile } = project(outer);
    const { code, stdout } = await ocindex(['validate', profile, '--format', 'json'], emptyFolder());
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ profiles: 1, errors: 0 });
  });

  it('a pipe or a link to /dev/zero in the project is one usage error naming it', { timeout: 30_000 }, async () => {
    for (const [make, reason] of [
      [(path: string) => execFileSync('mkfifo', [path]), 'is a named pipe, not a file; a word list is a regular file'],
      [(path: string) => symlinkSync('/dev/zero', path), 'is a device, not a file; a word list is a regular file'],
    ] as const) {
      const { root } = project();
      make(join(root, 'content', '.dictionary'));
      const { code, stderr } = await ocindex(['validate', 'content'], root);
      expect(code).toBe(2);
      expect(stderr).toBe(`ocindex: content/.dictionary: ${reason}\n`);
    }
  });

  it('takes 120,000 words within its megabyte, and refuses a larger list by its size', async () => {
    const { root } = project();
    const words = Array.from({ length: 120_000 }, (_, i) => `w${i.toString(36)}`);
    writeFileSync(join(root, 'content', '.dictionary'), words.join('\n'));
    expect((await ocindex(['validate', 'content'], root)).code).toBe(0);
    writeFileSync(join(root, 'content', '.dictionary'), words.map((word) => `${word}-${'x'.repeat(10)}`).join('\n'));
    expect(await ocindex(['validate', 'content'], root)).toMatchObject({ code: 2, stderr: 'ocindex: content/.dictionary: file is 1.9 MB; a word list may be at most 1.0 MB\n' });
  });
});

describe('output never harms input (finding 4)', () => {
  it('export refuses to write onto a profile it read, through a link too, or onto any other profile (exit 2), and leaves it whole', async () => {
    const folder = emptyFolder();
    cpSync(join(bundledContent, 'goci-2021'), join(folder, 'content', 'goci-2021'), { recursive: true });
    cpSync(join(bundledContent, 'goci-2023', 'chad.md'), join(folder, 'elsewhere', 'chad.md'));
    symlinkSync(join(folder, 'content', 'goci-2021', 'albania.md'), join(folder, 'link.md'));
    const albania = readFileSync(join(folder, 'content', 'goci-2021', 'albania.md'), 'utf8');
    const onto = (out: string) => ocindex(['export', 'content/goci-2021', '--edition', 'goci-2021', '--out', out], folder);
    expect(await onto('content/goci-2021/albania.md')).toMatchObject({ code: 2, stderr: 'ocindex: content/goci-2021/albania.md: is an input of this run; write the export to another file\n' });
    expect(await onto('link.md')).toMatchObject({ code: 2, stderr: 'ocindex: link.md: is content/goci-2021/albania.md, an input of this run; write the export to another file\n' });
    expect(await onto('elsewhere/chad.md')).toMatchObject({ code: 2, stderr: 'ocindex: elsewhere/chad.md: is a profile; write the export to another file\n' });
    expect(readFileSync(join(folder, 'content', 'goci-2021', 'albania.md'), 'utf8')).toBe(albania);
    expect(readFileSync(join(folder, 'elsewhere', 'chad.md'), 'utf8')).toBe(readFileSync(join(bundledContent, 'goci-2023', 'chad.md'), 'utf8'));
    expect((await onto('albania.csv')).code).toBe(0);
  });

  it('proof refuses to write onto a PDF it shows', async () => {
    const folder = emptyFolder();
    const doc = await PDFDocument.create();
    doc.addPage();
    const pdf = await doc.save();
    writeFileSync(join(folder, 'one.pdf'), pdf);
    expect(await ocindex(['proof', 'one.pdf', '--out', 'one.pdf'], folder)).toMatchObject({ code: 2, stderr: 'ocindex: one.pdf: is an input of this run; write the proof to another file\n' });
    expect(new Uint8Array(readFileSync(join(folder, 'one.pdf')))).toEqual(pdf);
  });
});

describe('file names and text that could forge or turn output around (findings 6, 7)', () => {
  it('a file name with a line break or U+202E stays on its line in every format, and the reporters escape it', async () => {
    const { root } = project();
    const forged = 'x\n::error file=README.md,line=1::forged\u202E.md';
    writeFileSync(join(root, 'content', 'goci-2021', forged), azerbaijan2021.replace('status: final', 'status: draft'));
    for (const format of ['human', 'github', 'json']) {
      const { stdout } = await ocindex(['validate', 'content', '--format', format], root);
      expect(stdout.split('\n').filter((line) => line.startsWith('::error file=README.md'))).toEqual([]);
      expect(stdout).not.toContain('\u202E');
      if (format === 'human') expect(stdout).toContain('x\\n::error file=README.md,line=1::forged\\u202E.md');
    }
    const json = JSON.parse((await ocindex(['validate', 'content', '--format', 'json'], root)).stdout) as { messages: { file: string }[] };
    expect(json.messages.map((m) => m.file)).toContain(`content/goci-2021/${forged}`);
  });

  it('a final profile with U+202E in its narrative is an error at the character, not a narrative printed backwards', async () => {
    const { root, profile } = project();
    writeFileSync(profile, azerbaijan2021.replace('large illicit caviar', 'large \u202Eillicit caviar'));
    const { code, stdout } = await ocindex(['validate', 'content'], root);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^content\/goci-2021\/azerbaijan\.md:\d+:\d+ +error +U\+202E RIGHT-TO-LEFT OVERRIDE reorders the text in print/m);
  });

  it('a file with carriage returns alone for line ends says so, at the first', async () => {
    const { root, profile } = project();
    writeFileSync(profile, azerbaijan2021.replace(/\n/g, '\r'));
    const { stdout } = await ocindex(['validate', 'content'], root);
    expect(stdout).toMatch(/^content\/goci-2021\/azerbaijan\.md:1:4 +error +a line ends with a carriage return alone \(classic Mac OS line ends\); save the file with LF or CRLF line ends +file$/m);
  });
});

describe('names that look right but are not (finding 12)', () => {
  it('import says a country name holds an invisible character, at its row, and takes one in NFD as the country (as new does)', async () => {
    const folder = emptyFolder();
    const csv = readFileSync(datasetPath('goci-2021'), 'utf8').replace(',Albania,', ',Alba\u200Bnia,').replace("Côte d'Ivoire", "Côte d'Ivoire".normalize('NFD'));
    writeFileSync(join(folder, 'names.csv'), csv);
    const { code, stderr } = await ocindex(['import', 'names.csv', '--edition', 'goci-2021', '--out', 'content'], folder);
    expect(code).toBe(1);
    expect(stderr).toContain("unknown country 'Alba\\u200Bnia' for goci-2021: it looks like 'Albania' but it holds the invisible character U+200B");
    // Côte d'Ivoire in NFD is matched ignoring accents (issue 20): only Albania is a problem.
    expect(stderr).toMatch(/nothing written: 1 problem\n$/);
  });


  it('new says a country name holds an invisible character, and takes one in NFD as the country', async () => {
    const folder = emptyFolder();
    expect(await ocindex(['new', 'Alba\u200Bnia', '--edition', 'goci-2021', '--out', '.'], folder)).toMatchObject({
      code: 2,
      stderr: "ocindex: unknown country 'Alba\\u200Bnia' in goci-2021: it looks like 'Albania' but it holds the invisible character U+200B\n",
    });
    expect((await ocindex(['new', "Côte d'Ivoire".normalize('NFD'), '--edition', 'goci-2021', '--out', '.'], folder)).code).toBe(0);
    expect(readFileSync(join(folder, 'goci-2021', 'cote-d-ivoire.md'), 'utf8')).toContain("country: Côte d'Ivoire\n");
  });
});

describe('YAML tags (finding 12)', () => {
  it('a tagged value is told to drop the tag, at the tag, not to drop quotes it does not have', async () => {
    const { root, profile } = project();
    const text = azerbaijan2021.replace('  score: 5.08', '  score: !mytag 5.08');
    writeFileSync(profile, text);
    const line = text.slice(0, text.indexOf('!mytag')).split('\n').length;
    const { stdout } = await ocindex(['validate', 'content'], root);
    expect(stdout).toMatch(new RegExp(`^content/goci-2021/azerbaijan\\.md:${line}:10 +error +the YAML tag !mytag has no place in a profile: write the value alone +frontmatter$`, 'm'));
  });
});

describe('a dataset with a quote never closed (finding 12)', () => {
  it('import names the line where the quoted field opens, not the end of the file', async () => {
    const folder = emptyFolder();
    writeFileSync(join(folder, 'broken.csv'), readFileSync(datasetPath('goci-2021'), 'utf8').replace('"Congo, Rep."', '"Congo, Rep.'));
    const { code, stderr } = await ocindex(['import', 'broken.csv', '--edition', 'goci-2021', '--out', 'content'], folder);
    expect(code).toBe(2);
    expect(stderr).toBe('ocindex: broken.csv:8: not a readable CSV file: the quoted field that opens on line 8 is not closed where it should be (a quote missing?)\n');
    writeFileSync(join(folder, 'last.csv'), readFileSync(datasetPath('goci-2021'), 'utf8').replace('"Korea, DPR"', '"Korea, DPR'));
    expect((await ocindex(['import', 'last.csv', '--edition', 'goci-2021', '--out', 'content'], folder)).stderr).toMatch(/^ocindex: last\.csv:101: /);
  });
});

describe('a file name that is not UTF-8 (finding 12)', () => {
  it('is reported as such, not as not found', async () => {
    const { root } = project();
    writeFileSync(Buffer.from(`${join(root, 'content', 'goci-2021')}/caf\xe9.md`, 'latin1'), azerbaijan2021);
    const { stdout } = await ocindex(['validate', 'content'], root);
    expect(stdout).toMatch(/^content\/goci-2021\/caf\uFFFD\.md:1:1 +error +its name is not valid UTF-8 \(shown with \uFFFD\), so it cannot be opened by it; rename the file +file$/m);
  });
});

describe('a PDF pdf-lib reads only by skipping objects (finding 12)', () => {
  it('proof and preflight both call it unreadable, with no log lines of the library', async () => {
    const folder = emptyFolder();
    const doc = await PDFDocument.create();
    doc.addPage();
    const text = Buffer.from(await doc.save({ useObjectStreams: false })).toString('latin1');
    // An object that does not parse: pdf-lib would skip it with a console.warn and show the rest.
    writeFileSync(join(folder, 'skipped.pdf'), Buffer.from(text.replace(/(\d+) 0 obj\n<<\n\/Producer/, '$1 0 obj\n<< /Producer (x) /Bad >> >> ]] \nendobj\n99 0 obj\n<<\n/Producer'), 'latin1'));
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...parts: unknown[]) => void warnings.push(parts);
    try {
      const proof = await ocindex(['proof', 'skipped.pdf', '--out', 'proof.pdf'], folder);
      expect(proof.code).toBe(1);
      expect(proof.stderr).toMatch(/^skipped\.pdf: not a readable PDF \(Trying to parse invalid object/);
      const preflight = await ocindex(['preflight', 'skipped.pdf'], folder);
      expect(preflight.code).toBe(2);
      expect(preflight.stdout).toMatch(/^skipped\.pdf {2}error {2}not a readable PDF \(Trying to parse invalid object/);
    } finally {
      console.warn = warn;
    }
    expect(warnings).toEqual([]);
  });
});
