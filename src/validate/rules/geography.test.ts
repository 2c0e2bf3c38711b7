import { describe, expect, it } from 'vitest';
import { azerbaijan2021, checkOne, lineOf, readContent, replaceOnce } from '../../testing/support.js';

describe('geography rule', () => {
  it('reports a country the edition does not have, with a did-you-mean', () => {
    const text = replaceOnce(azerbaijan2021, 'country: Azerbaijan', 'country: Azerbaidjan');
    const messages = checkOne(text);
    expect(messages).toContainEqual(
      expect.objectContaining({ ruleId: 'geography', line: lineOf(text, 'Azerbaidjan'), column: 10, message: 'country "Azerbaidjan" is not one of the 193 countries of goci-2021; did you mean "Azerbaijan"?' }),
    );
  });

  it("requires the edition's own continent and region", () => {
    const text = replaceOnce(azerbaijan2021, 'region: Central Asia and the Caucasus', 'region: Western Asia');
    expect(checkOne(text)).toEqual([
      expect.objectContaining({ ruleId: 'geography', line: lineOf(text, 'region: Western'), column: 9, message: 'region is "Western Asia"; in goci-2021, Azerbaijan is in "Central Asia and the Caucasus"' }),
    ]);
  });

  it('knows that regions differ by edition', () => {
    const cuba2023 = readContent('goci-2023/cuba.md');
    expect(checkOne(cuba2023, 'content/goci-2023/cuba.md')).toEqual([]);
    const text = replaceOnce(cuba2023, 'region: Caribbean & Central', 'region: Caribbean');
    expect(checkOne(text, 'content/goci-2023/cuba.md')[0]?.message).toBe('region is "Caribbean"; in goci-2023, Cuba is in "Caribbean & Central"');
  });

  it('says what differs when a name looks like the country but is in NFD or holds an invisible character (issue 21)', () => {
    const ivory = readContent('goci-2021/cote-d-ivoire.md');
    const nfd = replaceOnce(ivory, "country: Côte d'Ivoire", `country: "${"Côte d'Ivoire".normalize('NFD')}"`);
    expect(checkOne(nfd, 'content/goci-2021/cote-d-ivoire.md').map((m) => m.message)).toContain(`country "${"Côte d'Ivoire".normalize('NFD')}" looks like "Côte d'Ivoire" but its accents are separate characters (Unicode NFD); write "Côte d'Ivoire"`);
    const hidden = replaceOnce(azerbaijan2021, 'country: Azerbaijan', 'country: "Azer\u200Bbaijan"');
    expect(checkOne(hidden).map((m) => m.message)).toContain('country "Azer\u200Bbaijan" looks like "Azerbaijan" but it holds the invisible character U+200B; write "Azerbaijan"');
  });
});
