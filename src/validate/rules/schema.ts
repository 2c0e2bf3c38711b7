import type { ErrorObject } from 'ajv';
import { didYouMean } from '../../text/english.js';
import { fieldName } from '../../profile/data.js';
import type { Issue, RawProfileRule } from '../rule.js';
import { schemaValidator } from '../profile-schema.js';

/** ajv's "/criminality/rank/global" as a path of keys. */
function pathOf(instancePath: string): string[] {
  return instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping' : String(value);
}

function issueOf(error: ErrorObject): Issue {
  const path = pathOf(error.instancePath);
  const name = fieldName(path);
  const value = error.data;
  switch (error.keyword) {
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      return { at: path, reason: `missing field ${fieldName([...path, missing])}` };
    }
    case 'additionalProperties': {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      return { at: [...path, extra], reason: `unknown field ${fieldName([...path, extra])}${didYouMean(extra, allowed)}` };
    }
    case 'type': {
      const expected = (error.params as { type: string }).type;
      const hint = typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)) ? `; write ${value.trim()} without quotes` : '';
      return { at: path, part: 'value', reason: `${name} is ${describe(value)}; expected ${expected === 'integer' ? 'a whole number' : `a ${expected}`}${hint}` };
    }
    case 'multipleOf': {
      const step = (error.params as { multipleOf: number }).multipleOf;
      const rule = step === 0.5 ? 'indicators run from 1 to 10 in steps of 0.5' : 'composite scores have two decimals';
      return { at: path, part: 'value', reason: `${name} is ${String(value)}; ${rule}` };
    }
    case 'minimum':
    case 'maximum':
      return {
        at: path,
        part: 'value',
        reason: path.includes('rank') ? `${name} is ${String(value)}; ranks are whole numbers from 1` : `${name} is ${String(value)}; scores run from 1 to 10`,
      };
    case 'enum':
    case 'const': {
      const allowed = (error.params as { allowedValues?: unknown[]; allowedValue?: unknown }).allowedValues ?? [(error.params as { allowedValue: unknown }).allowedValue];
      return { at: path, part: 'value', reason: `${name} is ${describe(value)}; expected ${allowed.join(', ')}` };
    }
    default:
      return { at: path, part: 'value', reason: `${name || 'front-matter'} ${error.message ?? 'is not valid'}` };
  }
}

export const schemaRule: RawProfileRule = {
  id: 'schema',
  description: "Front-matter fits the edition's schema: every field present, known, of the right type and scale.",
  stage: 'parsed',
  check(profile, editions) {
    const edition = editions.get(profile.data.edition as string);
    if (!edition) return [];
    const validate = schemaValidator(edition);
    if (validate(profile.data)) return [];
    // One message per field: the first complaint about a value is the useful one.
    const seen = new Set<string>();
    return (validate.errors ?? []).map(issueOf).filter((issue) => {
      const key = `${fieldName(issue.at as string[])}|${issue.reason.startsWith('missing') || issue.reason.startsWith('unknown') ? issue.reason : ''}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  },
};
