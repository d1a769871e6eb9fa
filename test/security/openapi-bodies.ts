import fc from 'fast-check';

/** The part of an OpenAPI 3 schema the DTOs use. */
export interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
}

/** Real values from the demo data, so that well-formed bodies reach the services and their checks. */
export interface KnownValues {
  /** Ids by the stem of the field that holds them: `callId` and `callIds` → `call`. */
  ids: Record<string, string[]>;
  axisCodes: string[];
  criterionCodes: string[];
}

/** Values that no DTO field accepts as is: wrong types, edge numbers, bad dates, hostile strings, nested junk. */
const JUNK: unknown[] = [
  null,
  true,
  0,
  -1,
  0.5,
  -0.01,
  1e21,
  2 ** 53 + 2, // beyond Number.MAX_SAFE_INTEGER
  '',
  ' ',
  'x'.repeat(100_000),
  '2026-02-30',
  '2026-13-01',
  '2026-01-01T25:61:00Z',
  'not-a-date',
  '-1',
  '1e400',
  'NaN',
  '00000000-0000-0000-0000-000000000000',
  "'; DROP TABLE project; --",
  '\u0000\u202e',
  [],
  [null, {}],
  {},
  { a: { b: { c: [1, { d: null }] } } },
  deepNest(200),
];

function deepNest(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { v: value };
  return value;
}

const junk = () => fc.oneof(fc.constantFrom(...JUNK), fc.jsonValue({ maxDepth: 3 }));

/** Keys that try prototype pollution, and one that no DTO declares. */
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'isAdmin'];

const isoDay = fc
  .tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 13 }), fc.integer({ min: 1, max: 31 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

export class BodyArbitraries {
  constructor(
    private readonly doc: OpenApiDocument,
    private readonly known: KnownValues,
  ) {}

  resolve(schema: Schema): Schema {
    if (!schema.$ref) return schema;
    const name = schema.$ref.replace('#/components/schemas/', '');
    return this.doc.components.schemas[name];
  }

  /** Bodies shaped like the schema, with plausible (often valid, sometimes refused) values. */
  wellFormed(schema: Schema, field = ''): fc.Arbitrary<unknown> {
    const s = this.resolve(schema);
    if (s.enum) return fc.constantFrom(...s.enum);
    if (s.type === 'object' || s.properties) return this.object(s);
    if (s.type === 'array') {
      const max = Math.min(s.maxItems ?? 3, 3);
      return fc.array(this.wellFormed(s.items ?? {}, field.replace(/s$/, '')), {
        minLength: Math.min(s.minItems ?? 0, max),
        maxLength: max,
      });
    }
    if (s.type === 'string') return this.string(s, field);
    if (s.type === 'number' || s.type === 'integer') return this.number(s, field);
    if (s.type === 'boolean') return fc.boolean();
    return fc.jsonValue({ maxDepth: 2 });
  }

  /** Bodies that the schema refuses: one well-formed body with one thing broken. */
  malformed(schema: Schema): fc.Arbitrary<unknown> {
    const s = this.resolve(schema);
    if (s.type === 'array')
      return fc.oneof(
        junk(),
        this.wellFormed(s).map((items) => ({ items })),
      );
    const keys = Object.keys(s.properties ?? {});
    const required = s.required ?? [];
    const body = this.wellFormed(s) as fc.Arbitrary<Record<string, unknown>>;
    const mutations: fc.Arbitrary<unknown>[] = [
      junk(),
      fc.tuple(body, fc.constantFrom(...HOSTILE_KEYS, 'zz'), junk()).map(([b, k, v]) => withOwnKey(b, k, v)),
    ];
    if (keys.length > 0) {
      mutations.push(fc.tuple(body, fc.constantFrom(...keys), junk()).map(([b, k, v]) => ({ ...b, [k]: v })));
      mutations.push(fc.tuple(body, fc.constantFrom(...keys)).map(([b, k]) => nestJunk(b, k)));
    }
    if (required.length > 0) {
      mutations.push(fc.tuple(body, fc.constantFrom(...required)).map(([b, k]) => without(b, k)));
    }
    const cents = keys.filter((k) => k.endsWith('Cents'));
    if (cents.length > 0) {
      const badCents = fc.constantFrom(-1, -100_00, 0.5, 10.01, 1e20, '1000', null);
      mutations.push(fc.tuple(body, fc.constantFrom(...cents), badCents).map(([b, k, v]) => ({ ...b, [k]: v })));
    }
    return fc.oneof(...mutations);
  }

  private object(s: Schema): fc.Arbitrary<Record<string, unknown>> {
    const props = s.properties ?? {};
    if (Object.keys(props).length === 0) return this.freeForm();
    const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, this.wellFormed(v, k)]));
    return fc.record(model, { requiredKeys: s.required ?? [] });
  }

  /** A free-form object (a report's params): the keys the services look for, with real or random values. */
  private freeForm(): fc.Arbitrary<Record<string, unknown>> {
    const model = {
      year: fc.integer({ min: 1999, max: 2101 }),
      callId: this.string({ format: 'uuid' }, 'callId'),
      meetingId: this.string({ format: 'uuid' }, 'meetingId'),
    };
    return fc.oneof(fc.record(model, { requiredKeys: [] }), fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue()));
  }

  private string(s: Schema, field: string): fc.Arbitrary<unknown> {
    if (s.format === 'uuid' || /Ids?$/.test(field)) {
      const stem = field.replace(/Ids?$/, '');
      const real = this.known.ids[stem] ?? [];
      return real.length > 0 ? fc.oneof(fc.constantFrom(...real), fc.uuid({ version: 4 })) : fc.uuid({ version: 4 });
    }
    if (s.format === 'email') return fc.oneof(fc.emailAddress(), fc.constant('membre@demo.iss.local'));
    if (s.format === 'uri') return fc.webUrl();
    if (/departmentCodes?$/.test(field)) return fc.constantFrom('31', '34', '48', '75', '2A');
    if (/^criterion(Code)?$/.test(field) && this.known.criterionCodes.length > 0)
      return fc.constantFrom(...this.known.criterionCodes);
    if (s.pattern) return fc.stringMatching(new RegExp(s.pattern));
    if (/axisCode$/.test(field) && this.known.axisCodes.length > 0) return fc.constantFrom(...this.known.axisCodes);
    if (/On$/.test(field)) return isoDay;
    if (/At$/.test(field)) return isoDay.map((d) => `${d}T09:30:00.000Z`);
    if (/inseeCode|communeCode/.test(field)) return fc.constantFrom('31555', '34172', '48095', '99999', '2A004');
    return this.text(s);
  }

  /**
   * Short strings, and strings at the longest length allowed (10,000 characters without a limit; at
   * most 100,000 so that the body stays under the api's 1 MB limit, which the raw payloads test).
   */
  private text(s: Schema): fc.Arbitrary<string> {
    const min = s.minLength ?? 0;
    const longest = Math.min(s.maxLength ?? 10_000, 100_000);
    return fc.oneof(
      fc.string({ minLength: min, maxLength: Math.max(min, Math.min(longest, 40)) }),
      fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.max(min, Math.min(longest, 20)) }),
      fc.constantFrom('a', 'É', '🙂', '\u200b').map((c) => c.repeat(Math.max(min, longest))),
    );
  }

  private number(s: Schema, field: string): fc.Arbitrary<number> {
    if (field.endsWith('Cents')) return fc.integer({ min: 0, max: 50_000_000 });
    return fc.integer({ min: s.minimum ?? 0, max: Math.min(s.maximum ?? 100, 10_000) });
  }
}

/** A body with `key` as an own property, even `__proto__`, as JSON.parse would make it. */
function withOwnKey(body: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...body };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

function without(body: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...body };
  delete copy[key];
  return copy;
}

/** Junk one level down: inside the first element of an array field, or in place of a nested object's field. */
function nestJunk(body: Record<string, unknown>, key: string): Record<string, unknown> {
  const value = body[key];
  if (Array.isArray(value))
    return { ...body, [key]: [withOwnKey({ nested: [[[]]] }, '__proto__', { polluted: 1 }), ...value] };
  if (value && typeof value === 'object') return { ...body, [key]: { ...value, extra: { deeper: [null] } } };
  return { ...body, [key]: [[value]] };
}
