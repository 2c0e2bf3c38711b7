import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderBatch } from './batch.js';
import { renderHtml } from '../html/html.js';
import { pressOptions, UndeclaredColourError, UnconvertibleColourError } from '../postprocess/press/index.js';
import { validProfile } from '../testing/fixtures.js';
import { azerbaijan2021, projectRoot, tempFolder } from '../testing/support.js';
import { describeThrown, rebuildThrown } from './finishing.js';

const run = promisify(execFile);

describe('the finishing thread', () => {
  let here: string;
  let thread: string;

  beforeAll(async () => {
    // From the TypeScript sources (as under test) the files are finished on the main thread; the
    // built command line (npm test builds it first) finishes them on a thread of its own.
    here = tempFolder();
    const outcomes = await renderBatch([{ entry: validProfile(azerbaijan2021), pdfPath: join(here, 'azerbaijan.pdf'), pressPath: join(here, 'azerbaijan.press.pdf') }], {
      layout: { renderHtml },
      press: pressOptions(),
    });
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['written']);
    thread = tempFolder();
    expect(existsSync(join(projectRoot, 'lib', 'bundle', 'finish-worker.js'))).toBe(true);
    // Two profiles: a batch of one finishes on the main thread.
    await run(process.execPath, ['bin/ocindex.js', 'render', 'content/goci-2021/azerbaijan.md', 'content/goci-2021/fr/azerbaijan.md', '--target', 'both', '--out', thread], { cwd: projectRoot });
  }, 120_000);

  it('writes the same bytes as finishing on the main thread, screen and press file', () => {
    for (const name of ['azerbaijan.pdf', 'azerbaijan.press.pdf']) {
      const fromThread = readFileSync(join(thread, 'goci-2021', name));
      expect(fromThread.subarray(0, 8).toString('latin1')).toMatch(/^%PDF-1\.\d/);
      expect(fromThread.equals(readFileSync(join(here, name)))).toBe(true);
    }
  });

  it("sends back what it throws as data, thrown again as the batch tells it apart: a template's colour errors by their class, anything else by its message", () => {
    const sent = (error: Error) => rebuildThrown(structuredClone(describeThrown(error)));
    const undeclared = sent(new UndeclaredColourError(['#123456', '#abcdef']));
    expect(undeclared).toBeInstanceOf(UndeclaredColourError);
    expect(undeclared.message).toBe(new UndeclaredColourError(['#123456', '#abcdef']).message);
    const unconvertible = sent(new UnconvertibleColourError('a colour in /Lab'));
    expect(unconvertible).toBeInstanceOf(UnconvertibleColourError);
    expect(unconvertible.message).toBe('a colour in /Lab');
    const other = sent(new Error('screen PDF fails preflight: page 1: 3 painting objects outside marked content'));
    expect(other).not.toBeInstanceOf(UndeclaredColourError);
    expect(other).not.toBeInstanceOf(UnconvertibleColourError);
    expect(other.message).toBe('screen PDF fails preflight: page 1: 3 painting objects outside marked content');
  });
});
