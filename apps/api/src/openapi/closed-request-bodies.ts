import type { OpenAPIObject } from '@nestjs/swagger';

type Schema = Record<string, unknown>;
const REF = '#/components/schemas/';

/**
 * The validation pipe forbids unknown properties (`forbidNonWhitelisted`), nested DTOs included: every
 * schema a request body reaches says so with `additionalProperties: false`, unless it declares its own
 * (a free-form object keeps `true`).
 */
export function closeRequestBodies(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const seen = new Set<string>();
  const close = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(close);
    if (!node || typeof node !== 'object') return;
    const schema = node as Schema;
    if (typeof schema.$ref === 'string' && schema.$ref.startsWith(REF)) {
      const name = schema.$ref.slice(REF.length);
      if (seen.has(name) || !schemas[name]) return;
      seen.add(name);
      return close(schemas[name]);
    }
    if (schema.properties && !('additionalProperties' in schema)) schema.additionalProperties = false;
    Object.values(schema).forEach(close);
  };
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path) as Schema[]) {
      if (operation && typeof operation === 'object') close((operation.requestBody as Schema | undefined)?.content);
    }
  }
  return document;
}
