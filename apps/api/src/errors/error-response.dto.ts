import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_CODES } from './error-codes';
import type { ErrorCode } from './error-codes';

/** Every 4xx/5xx answer: CONTRACT.md's `{ statusCode, error, message }` plus `code` and, at times, `details`. */
export class ErrorResponseDto {
  @ApiProperty({ example: 409 })
  statusCode!: number;

  @ApiProperty({ example: 'Conflict', description: 'The HTTP reason phrase' })
  error!: string;

  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    description: 'For people; on a 400, one sentence per offending field, each starting with its name',
  })
  message!: string | string[];

  @ApiProperty({
    enum: ERROR_CODES,
    enumName: 'ErrorCode',
    description: 'Stable and machine-readable: clients branch on it, never on `message`',
  })
  code!: ErrorCode;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'What helps the client act: `fields` (400), `from`, `to` and `allowedTransitions` (409 on a lifecycle move), ' +
      '`remainingCents` (409 over an envelope or a grant), `retryAfterSeconds` (429, 503)',
  })
  details?: Record<string, unknown>;
}
