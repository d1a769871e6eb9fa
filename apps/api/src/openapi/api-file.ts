import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';

/** A download: its media types, each a binary body, so that a generated client reads a Blob. */
export const ApiFile = (description: string, ...mediaTypes: string[]) =>
  applyDecorators(
    ApiProduces(...mediaTypes),
    ApiOkResponse({
      description,
      content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
    }),
  );
