import type { OpenAPIObject } from '@nestjs/swagger';

type Schema = Record<string, unknown>;

/** Words about a schema that stay beside a `oneOf` rather than inside its non-null branch. */
const ANNOTATIONS = ['description', 'example', 'default', 'title', 'readOnly', 'writeOnly', 'deprecated'];

/**
 * Nest writes OpenAPI 3.0's `nullable: true`, which a 3.0 reader ignores beside `allOf: [$ref]` (a
 * client then types the field non-null). In 3.1 a schema is JSON Schema 2020-12: `null` is a type,
 * readable by every generator and by ajv as it stands.
 */
export function toOpenApi31(document: OpenAPIObject): OpenAPIObject {
  document.openapi = '3.1.0';
  visit(document);
  return document;
}

function visit(node: unknown): void {
  if (Array.isArray(node)) node.forEach(visit);
  else if (node && typeof node === 'object') {
    const schema = node as Schema;
    if ('nullable' in schema) nullableToType(schema);
    Object.values(schema).forEach(visit);
  }
}

function nullableToType(schema: Schema): void {
  const nullable = schema.nullable === true;
  delete schema.nullable;
  if (!nullable) return;
  const composed = ['$ref', 'allOf', 'oneOf', 'anyOf'].some((key) => key in schema);
  if (typeof schema.type === 'string' && !composed) {
    schema.type = [schema.type, 'null'];
    if (Array.isArray(schema.enum)) schema.enum = [...(schema.enum as unknown[]), null];
    return;
  }
  // Nest adds `type: 'object'` beside a nullable `allOf: [$ref]`: the reference says it already.
  if (composed) delete schema.type;
  const inner: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.includes(key)) continue;
    inner[key] = value;
    delete schema[key];
  }
  schema.oneOf = [inner.allOf && Object.keys(inner).length === 1 ? unwrapAllOf(inner) : inner, { type: 'null' }];
}

/** `allOf` of a single `$ref` is how Nest wraps a reference it annotates: a `oneOf` branch needs no wrapper. */
function unwrapAllOf(inner: Schema): Schema {
  const allOf = inner.allOf as Schema[];
  return allOf.length === 1 ? allOf[0] : inner;
}
