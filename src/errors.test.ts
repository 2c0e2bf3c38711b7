import { describe, expect, it } from 'vitest';
import { AssetError, BrowserError, CopyFitError, EditionError, exitCodeOf, InputError, PageCountError, stopsTheRun, TemplateError, TimeoutError } from './errors.js';

describe('errors and their exit codes', () => {
  it('gives every error of the toolkit its exit code, and none to anything else', () => {
    const usage = [new InputError('x'), new EditionError('x'), new TemplateError('x'), new AssetError('x'), new BrowserError('x')];
    const content = [new CopyFitError('x'), new PageCountError('x'), new TimeoutError('x')];
    expect(usage.map(exitCodeOf)).toEqual([2, 2, 2, 2, 2]);
    expect(content.map(exitCodeOf)).toEqual([1, 1, 1]);
    expect(exitCodeOf(new Error('a bug'))).toBeUndefined();
    expect(exitCodeOf('thrown text')).toBeUndefined();
    expect(new TemplateError("profile.html: the view has no 'contry'").name).toBe('TemplateError');
  });

  it('stops a whole run for template, asset and browser errors only', () => {
    expect([new TemplateError('x'), new AssetError('x'), new BrowserError('x')].every(stopsTheRun)).toBe(true);
    expect([new InputError('x'), new CopyFitError('x'), new TimeoutError('x'), new Error('x')].some(stopsTheRun)).toBe(false);
  });
});
