import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProfile } from './parse.js';
import { azerbaijan2021, publishedSeedPath } from '../testing/support.js';

const seed = readFileSync(publishedSeedPath, 'utf8');
const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe('the bundled Azerbaijan 2021 profile against the published text', () => {
  const parsed = parseProfile('content/goci-2021/azerbaijan.md', Buffer.from(azerbaijan2021));
  if (!('profile' in parsed)) throw new Error('the bundled profile does not parse');
  const { profile } = parsed;

  it('holds the narrative word for word, headings in the outline, page-break splits joined', () => {
    const narrative = seed.slice(seed.indexOf('CRIMINALITY\n\nCRIMINAL MARKETS\n\nPEOPLE'), seed.indexOf('This summary was funded'));
    const body = profile.text.slice(profile.text.indexOf('\n---\n') + 5);
    expect(words(body.replace(/^#+ /gm, '').toUpperCase())).toEqual(words(narrative.toUpperCase()));
    // The seed's page breaks cut four paragraphs mid-sentence: each is one paragraph again.
    for (const joined of ['Along with enabling', 'The group is supposedly engaged', 'involvement in sex, labour', 'While some improvements']) expect(body).toContain(joined);
  });

  it('keeps the funding statement in front-matter', () => {
    expect(profile.data.funding).toBe(seed.slice(seed.indexOf('This summary was funded')).trim());
  });

  it('holds every score of the two score pages', () => {
    const scores = [...seed.slice(0, seed.indexOf('CRIMINALITY\n\nCRIMINAL MARKETS\n\nPEOPLE')).matchAll(/(\d+\.\d\d)/g)].map((m) => Number(m[1]));
    const stated = JSON.stringify(profile.data);
    expect(scores).toHaveLength(34); // 18 on the criminality page, 16 on the resilience page
    for (const score of scores) expect(stated).toContain(`:${score}`);
  });
});
