import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Actor } from '@app/core';

export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ user: Actor }>().user;
});
