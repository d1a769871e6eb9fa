import type { OpenAPIObject } from '@nestjs/swagger';
import { closeRequestBodies } from './closed-request-bodies';
import { documentSecurity, PUBLIC_EXTENSION } from './document-security';
import { formatsFromNames } from './naming-formats';
import { toOpenApi31 } from './openapi-3-1';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function documentOf(schemas: Record<string, unknown>, paths: Record<string, unknown> = {}): OpenAPIObject {
  return { openapi: '3.0.0', info: { title: 't', version: '1' }, paths, components: { schemas } } as OpenAPIObject;
}

describe('the document as Nest writes it, finished', () => {
  it('says null the OpenAPI 3.1 way, also beside a reference', () => {
    const document = toOpenApi31(
      documentOf({
        A: {
          properties: {
            siret: { type: 'string', nullable: true },
            kind: { type: 'string', enum: ['x'], nullable: true },
            grant: { type: 'object', nullable: true, allOf: [ref('Grant')], description: 'd' },
            plain: { type: 'string', nullable: false },
          },
        },
      }),
    );
    expect(document.openapi).toBe('3.1.0');
    expect(document.components!.schemas!.A).toEqual({
      properties: {
        siret: { type: ['string', 'null'] },
        kind: { type: ['string', 'null'], enum: ['x', null] },
        grant: { description: 'd', oneOf: [ref('Grant'), { type: 'null' }] },
        plain: { type: 'string' },
      },
    });
  });

  it('types cents, versions, page totals and bounds as integers, …At and …On as instants and days', () => {
    const document = formatsFromNames(
      documentOf(
        {
          Page: { properties: { items: { type: 'array' }, total: { type: 'number' } } },
          Score: { properties: { total: { type: 'number' } } },
          A: {
            properties: {
              amountCents: { type: 'number' },
              version: { type: 'number' },
              rate: { type: 'number' },
              createdAt: { type: 'string' },
              dueOn: { type: 'string' },
              canUpdateOn: { type: 'boolean' },
            },
          },
        },
        { '/x': { get: { parameters: [{ name: 'limit', in: 'query', schema: { type: 'number' } }], responses: {} } } },
      ),
    );
    expect(document.components!.schemas!.A).toEqual({
      properties: {
        amountCents: { type: 'integer' },
        version: { type: 'integer' },
        rate: { type: 'number' },
        createdAt: { type: 'string', format: 'date-time' },
        dueOn: { type: 'string', format: 'date' },
        canUpdateOn: { type: 'boolean' },
      },
    });
    expect(document.components!.schemas!.Page).toEqual({
      properties: { items: { type: 'array' }, total: { type: 'integer' } },
    });
    expect(document.components!.schemas!.Score).toEqual({ properties: { total: { type: 'number' } } });
    expect(document.paths['/x'].get!.parameters).toEqual([{ name: 'limit', in: 'query', schema: { type: 'integer' } }]);
  });

  it('closes every schema a request body reaches, and only those', () => {
    const document = closeRequestBodies(
      documentOf(
        {
          Create: {
            type: 'object',
            properties: { holder: ref('Holder'), params: { type: 'object', additionalProperties: true } },
          },
          Holder: { type: 'object', properties: { name: { type: 'string' } } },
          Answer: { type: 'object', properties: { id: { type: 'string' } } },
        },
        {
          '/x': {
            post: {
              requestBody: { content: { 'application/json': { schema: ref('Create') } } },
              responses: { 201: { content: { 'application/json': { schema: ref('Answer') } } } },
            },
          },
        },
      ),
    );
    const schemas = document.components!.schemas! as Record<string, Record<string, unknown>>;
    expect(schemas.Create.additionalProperties).toBe(false);
    expect(schemas.Holder.additionalProperties).toBe(false);
    expect((schemas.Create.properties as Record<string, Record<string, unknown>>).params.additionalProperties).toBe(
      true,
    );
    expect(schemas.Answer).not.toHaveProperty('additionalProperties');
  });

  it('asks a token or the session cookie everywhere but on public routes', () => {
    const document = documentSecurity(
      documentOf(
        {},
        {
          '/health': { get: { [PUBLIC_EXTENSION]: true, responses: {} } },
          '/x': { get: { security: [{ bearer: [] }], responses: {} } },
        },
      ),
    );
    expect(document.paths['/health'].get).toEqual({ security: [], responses: {} });
    expect(document.paths['/x'].get!.security).toEqual([{ bearer: [] }, { cookie: [] }]);
  });
});
