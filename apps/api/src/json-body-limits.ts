import type { RawServerDefault } from 'fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Deeper than any body of this api needs; far below what overflows the stack in validation. */
export const MAX_JSON_DEPTH = 32;
/** Values in one body (array elements and object members, all levels): the biggest body has a few hundred. */
export const MAX_JSON_VALUES = 10_000;

const OPEN = new Set([0x5b, 0x7b]); // [ {
const CLOSE = new Set([0x5d, 0x7d]); // ] }
const COMMA = 0x2c;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Why a JSON text is refused before it is parsed, or null: one pass over the characters, outside
 * strings, counting nesting and separators. JSON.parse and the validation that follows recurse per
 * level, so 20,000 levels overflowed the stack (a 500) before anything checked the body.
 */
export function jsonShapeProblem(text: string): string | null {
  let depth = 0;
  let separators = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i += 1;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (OPEN.has(c) && ++depth > MAX_JSON_DEPTH) return `body: JSON nested deeper than ${MAX_JSON_DEPTH} levels`;
    else if (CLOSE.has(c)) depth -= 1;
    // n separators in one container mean n + 1 values: at MAX_JSON_VALUES separators, there are more.
    else if (c === COMMA && ++separators >= MAX_JSON_VALUES)
      return `body: more than ${MAX_JSON_VALUES} values in one body`;
  }
  return null;
}

/**
 * The JSON parser Nest would register (Fastify's, prototype poisoning refused) behind the shape check
 * above, so that a hostile body costs one linear scan and a 400.
 */
export function limitJsonBodies(app: NestFastifyApplication, bodyLimit: number): void {
  const parse = app.getHttpAdapter().getInstance().getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit }, (request, body, done) => {
    const text = body.toString('utf8');
    const problem = jsonShapeProblem(text);
    if (problem) return done(Object.assign(new Error(problem), { statusCode: 400 }), undefined);
    return parse(request, text, done);
  });
}
