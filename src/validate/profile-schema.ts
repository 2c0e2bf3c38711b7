import { Ajv, type ValidateFunction } from 'ajv';
import type { Edition, IndicatorGroup } from '../edition/edition.js';
import { readSchema } from '../package/schemas.js';

type Schema = Record<string, any>;

function indicatorsOf(group: IndicatorGroup): Schema {
  return {
    type: 'object',
    required: group.indicators.map((i) => i.key),
    additionalProperties: false,
    properties: Object.fromEntries(group.indicators.map((i) => [i.key, { $ref: '#/definitions/indicator', title: i.label }])),
  };
}

/**
 * schemas/profile.schema.json with the edition's groups and indicators filled in: the edition
 * file stays the one list of indicators, the schema file the one statement of field types.
 */
export function profileSchemaFor(edition: Edition): Schema {
  const schema = structuredClone(readSchema('profile.schema.json')) as Schema;
  schema.$id = `${schema.$id}#${edition.id}`;
  schema.properties.edition = { const: edition.id };
  const criminality = schema.properties.criminality;
  for (const group of edition.criminality.groups) {
    criminality.required.push(group.key);
    const groupSchema = structuredClone(schema.definitions.group);
    groupSchema.title = group.label;
    groupSchema.properties.indicators = indicatorsOf(group);
    criminality.properties[group.key] = groupSchema;
  }
  schema.properties.resilience.properties.indicators = indicatorsOf(edition.resilience);
  return schema;
}

const compiled = new WeakMap<Edition, ValidateFunction>();

/** The compiled schema of an edition, compiled once per process. */
export function schemaValidator(edition: Edition): ValidateFunction {
  let validate = compiled.get(edition);
  if (!validate) {
    // multipleOfPrecision: 4.15 / 0.01 is 415.00000000000006 in binary floating point. The
    // tolerance would pass 5.199999999999999: the composite-score rule checks decimals exactly.
    validate = new Ajv({ allErrors: true, verbose: true, multipleOfPrecision: 9 }).compile(profileSchemaFor(edition));
    compiled.set(edition, validate);
  }
  return validate;
}
