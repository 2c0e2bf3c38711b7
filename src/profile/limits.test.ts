import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { checkNarrative, narrativeLimits, walkTree } from './limits.js';

const seed = readFileSync(join(import.meta.dirname, '..', '..', 'content', 'goci-2021', 'azerbaijan.md'), 'utf8');
const seedNarrative = seed.slice(seed.indexOf('\n---', 4) + 5);

describe('checkNarrative', () => {
  it('passes the published narrative, and the same narrative 20 times over', () => {
    expect(checkNarrative(seedNarrative)).toBeUndefined();
    expect(checkNarrative(seedNarrative.repeat(20))).toBeUndefined();
  });

  it('refuses deep nesting on a line at the marker past the limit', () => {
    const quotes = `para\n\n${'>'.repeat(10_000)} a\n`;
    expect(checkNarrative(quotes)).toEqual({ offset: 6 + narrativeLimits.nesting, reason: expect.stringContaining('nested 10000 levels deep') });
    const { nesting } = narrativeLimits;
    expect(checkNarrative(`${'- '.repeat(nesting + 1)}a`)?.reason).toContain(`nested ${nesting + 1} levels`);
    expect(checkNarrative(`${'- '.repeat(nesting)}a`)).toBeUndefined();
    // Indentation nests lists too: 4 columns a level.
    expect(checkNarrative(`${' '.repeat(4 * nesting)}- a`)?.reason).toContain(`nested ${nesting + 1} levels`);
  });

  it('refuses a paragraph with more delimiters than the limit, at the first one over it', () => {
    const run = `${'*'.repeat(10_000)}a${'*'.repeat(10_000)}`;
    expect(checkNarrative(run)).toEqual({ offset: narrativeLimits.delimitersPerBlock, reason: expect.stringContaining('in one paragraph') });
    // The same delimiters spread over paragraphs are counted per paragraph.
    expect(checkNarrative(`${'*a* '.repeat(narrativeLimits.delimitersPerBlock / 2)}\n\n`.repeat(5))).toBeUndefined();
  });

  it('refuses a narrative over the markup budget: lines count too', () => {
    expect(checkNarrative('a\n'.repeat(narrativeLimits.markup + 1))?.reason).toContain(`more than ${narrativeLimits.markup} lines`);
    expect(checkNarrative('a\n'.repeat(narrativeLimits.markup - 1))).toBeUndefined();
  });
});

describe('walkTree', () => {
  const nested = (depth: number): Root => {
    let node: { type: string; children: unknown[] } = { type: 'text', children: [] };
    for (let i = 0; i < depth; i += 1) node = { type: 'blockquote', children: [node] };
    return { type: 'root', children: [node] } as Root;
  };

  it('visits a tree 100,000 deep without recursion, and reports the first node past the depth', () => {
    let visited = 0;
    expect(walkTree(nested(100_000), () => (visited += 1), Infinity)).toBeUndefined();
    expect(visited).toBe(100_002);
    expect(walkTree(nested(100), () => undefined, 64)).toMatchObject({ type: 'blockquote' });
    expect(walkTree(nested(10), () => undefined, 64)).toBeUndefined();
  });
});
