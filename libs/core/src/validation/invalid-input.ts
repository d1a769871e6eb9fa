import { BadRequestException, ValidationError, ValidationPipe, ValidationPipeOptions } from '@nestjs/common';
import { CoreErrorCode } from '../errors/core.errors';
import { FailedField, failedFields } from './failed-fields';

/**
 * The 400 for bad input: `message` keeps CONTRACT.md's list of sentences naming the fields, `code` and
 * `details.fields` let a client point at the fields without parsing those sentences.
 */
export function invalidInput(messages: string[], fields: FailedField[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: messages,
    code: CoreErrorCode.ValidationInvalid,
    details: { fields },
  });
}

/** Nest's ValidationPipe, same messages, whose 400 carries the code and the failed fields. */
export class AppValidationPipe extends ValidationPipe {
  constructor(options: ValidationPipeOptions) {
    super(options);
    this.exceptionFactory = (errors: ValidationError[]) =>
      invalidInput(this.flattenValidationErrors(errors), failedFields(errors));
  }
}
