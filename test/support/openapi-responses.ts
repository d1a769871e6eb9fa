import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Response } from 'supertest';

/**
 * Every answer the e2e suites read through `api()` and `login()` must be one the committed OpenAPI
 * document (apps/web/openapi.json, the web client's source) declares: its status, its media type and,
 * for JSON, its schema. A client generated from the document then works on what the API really sends.
 */
type Schema = Record<string, unknown>;
type Operation = { operationId: string; responses: Record<string, { content?: Record<string, { schema?: Schema }> }> };
interface Route {
  template: string;
  pattern: RegExp;
  params: number;
}

const DOCUMENT_ID = 'openapi.json';
const document = JSON.parse(readFileSync(join(__dirname, '../../apps/web/openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
};
const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, logger: false });
addFormats(ajv);
ajv.addFormat('binary', true);
ajv.addSchema(document, DOCUMENT_ID);
const validators = new Map<string, ValidateFunction>();

// Literal segments win over parameters (`/api/actions/export.csv` before `/api/actions/{id}`).
const routes: Route[] = Object.keys(document.paths)
  .map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`),
    params: (template.match(/\{/g) ?? []).length,
  }))
  .sort((a, b) => a.params - b.params);

/** A supertest assertion: throws what is wrong, naming the operation, the status and ajv's errors. */
export function matchesDocument(method: string, url: string) {
  return (res: Response): void => {
    const path = new URL(url, 'http://api.invalid').pathname;
    const template = routes.find((r) => r.pattern.test(path))?.template;
    const operation = template ? document.paths[template][method] : undefined;
    if (!template || !operation) {
      // An unknown route answers 404; the web app's pages, the document and its UI are no operations.
      if (res.status === 404 || !path.startsWith('/api/') || path.startsWith('/api/docs')) return;
      throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} is not in the document`);
    }
    const name = `${operation.operationId} (${method.toUpperCase()} ${template})`;
    const status = declaredStatus(operation, res.status);
    if (!status) throw new Error(`OpenAPI: ${name} answered ${res.status}, a status it does not declare`);
    if (res.status === 204 || res.status === 304) return;
    const mediaType = String(res.headers['content-type'] ?? '')
      .split(';')[0]
      .trim();
    const content = operation.responses[status].content ?? {};
    if (!content[mediaType])
      throw new Error(`OpenAPI: ${name} answered ${res.status} as ${mediaType || 'no media type'}, not declared`);
    if (mediaType !== 'application/json') return;
    const validate = validatorOf(template, method, status);
    // A test that reads a download as bytes (`binary`) gets its JSON refusal as bytes too.
    const body: unknown = Buffer.isBuffer(res.body) ? JSON.parse(res.body.toString('utf8')) : res.body;
    if (!validate(body))
      throw new Error(
        `OpenAPI: ${name} answered ${res.status} with a body its schema refuses:\n` +
          `${ajv.errorsText(validate.errors, { separator: '\n' })}\nbody: ${JSON.stringify(body).slice(0, 2000)}`,
      );
  };
}

function declaredStatus(operation: Operation, status: number): string | undefined {
  return [String(status), `${String(status)[0]}XX`, 'default'].find((key) => operation.responses[key]);
}

function validatorOf(template: string, method: string, status: string): ValidateFunction {
  const pointer = ['paths', template, method, 'responses', status, 'content', 'application/json', 'schema']
    .map((segment) => encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1')))
    .join('/');
  const key = `${DOCUMENT_ID}#/${pointer}`;
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile({ $ref: key });
    validators.set(key, validate);
  }
  return validate;
}
