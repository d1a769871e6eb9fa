import { applyDecorators, SetMetadata } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiExtension } from '@nestjs/swagger';
import { PUBLIC_EXTENSION } from '../openapi/document-security';

export const IS_PUBLIC = 'isPublic';

/**
 * The only way out of the global authentication guard. The flag is also written into the Fastify
 * route's config, so that the route listing (`main.js routes`) shows which routes are public in code,
 * and into the OpenAPI operation, which then declares `security: []`.
 */
export const Public = () =>
  applyDecorators(
    SetMetadata(IS_PUBLIC, true),
    RouteConfig({ [IS_PUBLIC]: true }),
    ApiExtension(PUBLIC_EXTENSION, true),
  );
