import type { OpenAPIObject } from '@nestjs/swagger';
import { ErrorResponseDto } from './error-response.dto';

type Operation = { responses?: Record<string, { description?: string; content?: unknown }> };

const ERROR_CONTENT = {
  'application/json': { schema: { $ref: `#/components/schemas/${ErrorResponseDto.name}` } },
};

/**
 * Applied to the whole document, so no operation can miss it: every operation's refusals (a `4XX`
 * range, and any 4xx a controller declares) answer with the shared error schema.
 */
export function documentErrorResponses(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path) as Operation[]) {
      if (!operation?.responses) continue;
      for (const [status, response] of Object.entries(operation.responses)) {
        if (/^4\d\d$/.test(status)) response.content = ERROR_CONTENT;
      }
      operation.responses['4XX'] = {
        description: 'Refused: see `code` (and `details`) in the shared error schema',
        content: ERROR_CONTENT,
      };
    }
  }
  return document;
}
