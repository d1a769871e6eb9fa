import type { OpenAPIObject } from '@nestjs/swagger';
import { ErrorResponseDto } from './error-response.dto';

type Operation = {
  parameters?: unknown[];
  requestBody?: unknown;
  security?: unknown[];
  responses?: Record<string, { description?: string; content?: unknown }>;
};

const ERROR_CONTENT = {
  'application/json': { schema: { $ref: `#/components/schemas/${ErrorResponseDto.name}` } },
};

const isPublic = (op: Operation) => op.security?.length === 0;

/** The refusals an operation may answer, from what it takes and who may call it. */
const REFUSALS: {
  status: string;
  description: string;
  applies: (op: Operation, method: string, path: string) => boolean;
}[] = [
  {
    status: '400',
    description: 'Invalid request: `details.fields` names each offending field',
    applies: (op) => Boolean(op.requestBody) || (op.parameters ?? []).length > 0,
  },
  { status: '401', description: 'Not authenticated, or the session is over', applies: (op) => !isPublic(op) },
  { status: '403', description: 'Not allowed for this account', applies: (op) => !isPublic(op) },
  {
    status: '404',
    description: 'Not found, or not visible to this account',
    applies: (_op, _m, path) => path.includes('{'),
  },
  {
    status: '409',
    description: 'Conflicts with the current state: see `code` and `details`',
    applies: (op, method) => method !== 'get' && !isPublic(op),
  },
  { status: '429', description: 'Too many requests: retry after `details.retryAfterSeconds`', applies: () => true },
];

/**
 * Applied to the whole document, so no operation can miss it: every operation's refusals (the usual
 * 4xx by what it takes, a `4XX` range for the rest, and any 4xx a controller declares) and failures
 * (`5XX`, a health check's 503 included: the filter keeps one shape) answer with the shared error
 * schema. Runs once `security` is set (a public route answers neither 401 nor 403).
 */
export function documentErrorResponses(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item) as [string, Operation][]) {
      if (!operation?.responses) continue;
      for (const { status, description, applies } of REFUSALS) {
        if (applies(operation, method, path)) operation.responses[status] ??= { description };
      }
      for (const [status, response] of Object.entries(operation.responses)) {
        if (/^[45]\d\d$/.test(status)) response.content = ERROR_CONTENT;
      }
      operation.responses['4XX'] = {
        description: 'Refused: see `code` (and `details`) in the shared error schema',
        content: ERROR_CONTENT,
      };
      operation.responses['5XX'] = {
        description: 'Unavailable (PostgreSQL or Redis down or too slow: retry later), or failed',
        content: ERROR_CONTENT,
      };
    }
  }
  return document;
}
