import type { ErrorObject } from 'ajv';
import { didYouMean, listed } from '../text/english.js';

/** An ajv instance path as a settings key: "/rules/file-name" -> "rules.file-name", "/editions/0" -> "editions[0]". */
export function keyName(prefix: string[], instancePath: string): string {
  const parts = [...prefix, ...instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))];
  return parts.reduce((name, part) => (/^\d+$/.test(part) ? `${name}[${part}]` : name ? `${name}.${part}` : part), '');
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : String(value);
}

const typeNames: Record<string, string> = { integer: 'a whole number', number: 'a number', string: 'a string', object: 'an object', array: 'a list', boolean: 'true or false' };

/** One settings mistake as "key: what is wrong", in the words of the settings file, not of JSON Schema. */
export function describeSchemaError(error: ErrorObject, prefix: string[]): { key: string; reason: string } {
  const key = keyName(prefix, error.instancePath);
  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {}).filter((k) => k !== '$schema');
      return { key: keyName([key], `/${extra}`), reason: `unknown setting${didYouMean(extra, allowed) || `; known settings are ${listed(allowed)}`}` };
    }
    case 'enum':
      return { key, reason: `is ${describe(error.data)}; expected ${listed((error.params as { allowedValues: string[] }).allowedValues)}` };
    case 'type': {
      const type = (error.params as { type: string }).type;
      return { key, reason: `is ${describe(error.data)}; expected ${typeNames[type] ?? type}` };
    }
    case 'minimum':
      return { key, reason: `is ${describe(error.data)}; expected at least ${(error.params as { limit: number }).limit}` };
    case 'minLength':
      return { key, reason: 'is empty' };
    default:
      return { key, reason: error.message ?? 'is not valid' };
  }
}
