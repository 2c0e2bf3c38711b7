import { describe, expect, it } from 'vitest';
import { azerbaijan2021, checkOne, lineOf, replaceOnce } from '../../testing/support.js';

describe('schema rule', () => {
  it('accepts the published Azerbaijan profile', () => {
    expect(checkOne(azerbaijan2021)).toEqual([]);
  });

  it('reports an unknown key at the key, with a did-you-mean', () => {
    const text = replaceOnce(azerbaijan2021, '      human_trafficking: 4.5', '      human_traficking: 4.5');
    const messages = checkOne(text);
    expect(messages).toContainEqual({
      file: 'content/goci-2021/azerbaijan.md',
      line: lineOf(text, 'human_traficking'),
      column: 7,
      severity: 'error',
      ruleId: 'schema',
      message: 'unknown field criminality.criminal_markets.indicators.human_traficking; did you mean human_trafficking?',
    });
    expect(messages.some((m) => m.message === 'missing field criminality.criminal_markets.indicators.human_trafficking')).toBe(true);
  });

  it('reports a quoted number at its value with a hint', () => {
    const text = replaceOnce(azerbaijan2021, 'human_smuggling: 3.0', 'human_smuggling: "3.0"');
    const [message] = checkOne(text);
    expect(message).toMatchObject({ ruleId: 'schema', line: lineOf(text, '"3.0"'), column: 24 });
    expect(message?.message).toBe('criminality.criminal_markets.indicators.human_smuggling is the string "3.0"; expected a number; write 3.0 without quotes');
  });

  it('reports indicators off the half-point scale and out of range', () => {
    const text = replaceOnce(replaceOnce(azerbaijan2021, 'arms_trafficking: 3.0', 'arms_trafficking: 3.2'), 'flora_crimes: 3.5', 'flora_crimes: 11');
    const messages = checkOne(text).filter((m) => m.ruleId === 'schema');
    expect(messages.map((m) => [m.line, m.message])).toEqual([
      [lineOf(text, 'arms_trafficking'), 'criminality.criminal_markets.indicators.arms_trafficking is 3.2; indicators run from 1 to 10 in steps of 0.5'],
      [lineOf(text, 'flora_crimes'), 'criminality.criminal_markets.indicators.flora_crimes is 11; scores run from 1 to 10'],
    ]);
  });

  it('requires composites with two decimals and positive whole ranks', () => {
    const text = replaceOnce(replaceOnce(azerbaijan2021, 'score: 4.15', 'score: 4.155'), 'global: 83', 'global: 0');
    const messages = checkOne(text).filter((m) => m.ruleId === 'schema');
    expect(messages.map((m) => m.message)).toEqual([
      'criminality.rank.global is 0; ranks are whole numbers from 1',
      'criminality.criminal_markets.score is 4.155; composite scores have two decimals',
    ]);
    expect(messages[0]?.line).toBe(lineOf(text, 'global: 0'));
  });

  it('reports a missing field at its parent and a bad status value', () => {
    const text = replaceOnce(replaceOnce(azerbaijan2021, '    prevention: 5.0\n', ''), 'status: final', 'status: done');
    const messages = checkOne(text).filter((m) => m.ruleId === 'schema');
    expect(messages).toContainEqual(expect.objectContaining({ line: lineOf(text, 'status: done'), message: 'status is the string "done"; expected draft, review, final' }));
    expect(messages).toContainEqual(expect.objectContaining({ line: lineOf(text, '  indicators:\n    political'), message: 'missing field resilience.indicators.prevention' }));
  });
});
