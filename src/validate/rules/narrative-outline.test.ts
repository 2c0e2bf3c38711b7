import { describe, expect, it } from 'vitest';
import { azerbaijan2021, checkOne, lineOf, replaceOnce } from '../../testing/support.js';

const only = (text: string) => checkOne(text).filter((m) => m.ruleId === 'narrative-outline');

describe('narrative-outline rule', () => {
  it('accepts the published narrative', () => {
    expect(only(azerbaijan2021)).toEqual([]);
  });

  it('reports a missing section at its parent heading', () => {
    const start = azerbaijan2021.indexOf('### Trade');
    const text = azerbaijan2021.slice(0, start) + azerbaijan2021.slice(azerbaijan2021.indexOf('### Environment'));
    expect(only(text)).toEqual([expect.objectContaining({ severity: 'error', line: lineOf(text, '## Criminal markets'), message: "section '### Trade' is missing under '## Criminal markets'" })]);
  });

  it('reports an empty section, sections out of order and unknown sections', () => {
    let text = replaceOnce(azerbaijan2021, '## Criminal justice and security\n\nGiven', '## Criminal justice and security\n\n## Extra notes\n\nGiven');
    text = replaceOnce(text, '# Resilience', '# Annex\n\nNotes.\n\n# Resilience');
    expect(only(text)).toEqual([
      expect.objectContaining({ severity: 'warning', line: lineOf(text, '# Annex'), message: expect.stringMatching(/^unknown top-level section '# Annex'; the outline has '# Criminality', '# Resilience'/) }),
      expect.objectContaining({ severity: 'error', line: lineOf(text, '## Criminal justice'), message: "section '## Criminal justice and security' is empty" }),
      expect.objectContaining({ severity: 'warning', line: lineOf(text, '## Extra notes'), message: expect.stringMatching(/^unknown section '## Extra notes' under '# Resilience'; the outline has '## Leadership and governance', /) }),
    ]);
    const swapped = replaceOnce(replaceOnce(azerbaijan2021, '### Drugs', '### DRUGS-X'), '### Environment', '### Drugs');
    expect(only(replaceOnce(swapped, '### DRUGS-X', '### Environment'))).toEqual([
      expect.objectContaining({ severity: 'error', message: "section '### Environment' comes after '### Drugs'; the outline puts it before" }),
    ]);
  });

  it('lets a draft be empty, but not a review', () => {
    const end = azerbaijan2021.indexOf('\n---\n') + 5;
    const draft = replaceOnce(azerbaijan2021.slice(0, end), 'status: final', 'status: draft');
    expect(only(draft)).toEqual([]);
    const review = replaceOnce(draft, 'status: draft', 'status: review');
    expect(only(review).map((m) => m.message)).toEqual(["section '# Criminality' is missing", "section '# Resilience' is missing"]);
  });
});
