import { NotFoundException, ParseUUIDPipe } from '@nestjs/common';

/** An id that is not a UUID names no object: 404, not a database error. */
export const IdParam = new ParseUUIDPipe({
  version: '4',
  exceptionFactory: () => new NotFoundException('No such object'),
});
