import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { packagePath } from './paths.js';

/** A JSON Schema of the package's schemas/ folder. */
export function readSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(packagePath('schemas', name), 'utf8')) as Record<string, unknown>;
}

const compiled = new Map<string, ValidateFunction>();
let ajv: Ajv | undefined;

/**
 * A schema of schemas/, compiled once per process by one Ajv (compiling is most of the cost of
 * checking a file, and each Ajv compiles the JSON Schema meta-schema again: an edition file, a
 * house style per language, a termbase, a language file each paid both), reporting every error.
 */
export function compileSchema<T>(name: string): ValidateFunction<T> {
  ajv ??= new Ajv({ allErrors: true });
  if (!compiled.has(name)) compiled.set(name, ajv.compile<T>(readSchema(name)));
  return compiled.get(name) as ValidateFunction<T>;
}
