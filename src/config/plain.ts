import { InputError, firstLine } from '../errors.js';

/** How long a JS config may take to load and to settle its default export. */
export const configLoadMs = 10_000;

/**
 * A JS config's settings as plain data, copied once: a getter that throws is one usage error
 * here rather than a stack trace from whatever reads it later, and an object whose prototype is
 * not Object's (`{ __proto__: { spelling: 'off' } }`) is an unknown key, not settings that the
 * schema and the unknown-rule check cannot see. Own `__proto__` keys stay own keys
 * (Object.fromEntries), so the checks name them.
 */
export function plainSettings(value: unknown, file: string): unknown {
  try {
    return copy(value, [], file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${file}: reading the settings failed: ${firstLine(error)}`);
  }
}

function copy(value: unknown, at: string[], file: string): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item, index) => copy(item, [...at, `[${index}]`], file));
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) {
    throw new InputError(`${file}: ${at.join('.') || 'the default export'}: unknown key __proto__ (settings are plain objects)`);
  }
  return Object.fromEntries(Object.keys(value).map((key) => [key, copy((value as Record<string, unknown>)[key], [...at, key], file)]));
}

/** `promise`, or an InputError naming the file if it has not settled within `ms`. */
export async function withinTime<T>(promise: Promise<T>, file: string, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  // The timer also keeps the process alive: a promise that never settles would otherwise end it silently (exit 13).
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new InputError(`${file}: did not finish loading within ${ms / 1000} s; a config exports its settings without waiting on anything`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
