import type { OpenAPIObject } from '@nestjs/swagger';

type Schema = Record<string, unknown>;

/**
 * The codebase's naming conventions, which TypeScript's `number` and `string` cannot carry into the
 * document: money is integer cents (`…Cents`), versions, totals and page bounds count things, a `…At`
 * is an instant and a `…On` a calendar day.
 */
const RULES: { name: RegExp; type: string; set: Schema }[] = [
  { name: /Cents$|^(version|total|limit|offset|count)$/, type: 'number', set: { type: 'integer' } },
  { name: /[a-z]At$/, type: 'string', set: { format: 'date-time' } },
  { name: /[a-z]On$/, type: 'string', set: { format: 'date' } },
];

export function formatsFromNames(document: OpenAPIObject): OpenAPIObject {
  for (const schema of Object.values(document.components?.schemas ?? {}) as Schema[]) {
    for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
      apply(name, property);
    }
  }
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path) as Schema[]) {
      for (const parameter of (operation?.parameters ?? []) as Schema[]) {
        if (parameter.schema) apply(parameter.name as string, parameter.schema as Schema);
      }
    }
  }
  return document;
}

function apply(name: string, schema: Schema): void {
  const rule = RULES.find((r) => r.name.test(name) && r.type === schema.type && !schema.format);
  if (rule) Object.assign(schema, rule.set);
}
