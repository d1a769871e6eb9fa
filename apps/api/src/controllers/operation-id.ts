import { ApiOperation } from '@nestjs/swagger';

/**
 * Keeps a route's OpenAPI operation id when the route moves to another controller, so that the web
 * app's generated client keeps its function names (`CallsController_grant` → `callsControllerGrant`).
 * It sets no summary: the route's doc comment gives it, as for every other route.
 */
export const OperationId = (operationId: string) => ApiOperation({ operationId, summary: undefined });
