import type { OpenAPIObject } from '@nestjs/swagger';

type Schema = Record<string, unknown>;

/**
 * The codebase's naming conventions, which TypeScript's `number` and `string` cannot carry into the
 * document: money is integer cents (`…Cents`), versions, counts and page bounds count things, and so
 * does a page's `total` (beside its `items`; a score's `total` is a mean), a `…At` is an instant and
 * a `…On` a calendar day.
 */
const RULES: { name: RegExp; type: string; set: Schema; onlyInPage?: true }[] = [
  { name: /Cents$|^(version|limit|offset|count)$/, type: 'number', set: { type: 'integer' } },
  { name: /^total$/, type: 'number', set: { type: 'integer' }, onlyInPage: true },
  { name: /[a-z]At$/, type: 'string', set: { format: 'date-time' } },
  { name: /[a-z]On$/, type: 'string', set: { format: 'date' } },
];

export function formatsFromNames(document: OpenAPIObject): OpenAPIObject {
  for (const schema of Object.values(document.components?.schemas ?? {}) as Schema[]) {
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const [name, property] of Object.entries(properties)) apply(name, property, 'items' in properties);
  }
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path) as Schema[]) {
      for (const parameter of (operation?.parameters ?? []) as Schema[]) {
        if (parameter.schema) apply(parameter.name as string, parameter.schema as Schema, false);
      }
    }
  }
  return document;
}

function apply(name: string, schema: Schema, inPage: boolean): void {
  const rule = RULES.find(
    (r) => r.name.test(name) && r.type === schema.type && !schema.format && (!r.onlyInPage || inPage),
  );
  if (rule) Object.assign(schema, rule.set);
}
