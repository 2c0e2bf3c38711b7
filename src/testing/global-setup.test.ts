import { tmpdir } from 'node:os';
import { basename, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyFolder } from './support.js';

describe('the temporary folder of a test run', () => {
  it('holds every folder a test makes, so that the run removes them whether the tests pass or fail', () => {
    expect(basename(tmpdir())).toMatch(/^ocindex-test-run-/);
    expect(dirname(emptyFolder())).toBe(tmpdir());
  });
});
