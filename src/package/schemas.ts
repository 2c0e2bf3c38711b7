import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { packagePath } from './paths.js';

/** A JSON Schema of the package's schemas/ folder. */
export function readSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(packagePath('schemas', name), 'utf8')) as Record<string, unknown>;
}

/** A schema of schemas/, compiled, reporting every error. */
export function compileSchema<T>(name: string): ValidateFunction<T> {
  return new Ajv({ allErrors: true }).compile<T>(readSchema(name));
}
