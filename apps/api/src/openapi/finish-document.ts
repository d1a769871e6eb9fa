import type { OpenAPIObject } from '@nestjs/swagger';
import { documentErrorResponses } from '../errors/document-errors';
import { closeRequestBodies } from './closed-request-bodies';
import { documentSecurity } from './document-security';
import { formatsFromNames } from './naming-formats';
import { toOpenApi31 } from './openapi-3-1';

/**
 * What Nest's generator cannot say route by route, said once for the whole document: refusals,
 * authentication, the formats the names promise, closed request bodies, OpenAPI 3.1 nullability, and where the API is served.
 */
export function finishDocument(document: OpenAPIObject): OpenAPIObject {
  document.servers = [{ url: '/' }];
  document.info.license = { name: 'UNLICENSED' };
  return toOpenApi31(closeRequestBodies(formatsFromNames(documentErrorResponses(documentSecurity(document)))));
}
