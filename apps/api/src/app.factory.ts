import fastifyCookie from '@fastify/cookie';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppConfig, AppValidationPipe, checkEnvironment, RejectNulCharactersPipe } from '@app/core';
import { AppModule } from './app.module';
import { ErrorResponseDto } from './errors/error-response.dto';
import { finishDocument } from './openapi/finish-document';
import { refuseCrossSiteWrites } from './auth/csrf';
import { requestIdOf } from './auth/request-id';
import { acceptCsvBodies } from './csv-bodies';
import { limitJsonBodies } from './json-body-limits';
import { countQueriesPerRequest } from './query-count-header';
import { registerWebApp } from './web/web-app';
import { addSecurityHeaders } from './security-headers';
import { recordRoutes, RegisteredRoute } from './route-listing';
import { guardJobDashboardOf } from './job-dashboard/dashboard-guard';
import { ApiMetrics } from './metrics/api-metrics';
import { measureRequests } from './metrics/http-metrics';

export interface AppOptions {
  logger?: boolean;
  /** Filled with every route the app registers (for `main.js routes`). */
  routes?: RegisteredRoute[];
}

const BODY_LIMIT = 1_048_576;

/** The api as it runs in production; the e2e tests build it with this same function. */
export async function createApp(options: AppOptions = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    trustProxy: trustedProxies(checkEnvironment().TRUST_PROXY),
    bodyLimit: BODY_LIMIT,
    genReqId: (req: Parameters<typeof requestIdOf>[0]) => requestIdOf(req),
  });
  if (options.routes) recordRoutes(adapter.getInstance(), options.routes);
  const quiet = options.logger === false;
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    bufferLogs: !quiet,
    logger: quiet ? false : undefined,
    abortOnError: false,
  });
  if (!quiet) app.useLogger(app.get(Logger));
  await addSecurityHeaders(app.getHttpAdapter().getInstance());
  measureRequests(app.getHttpAdapter().getInstance(), app.get(ApiMetrics).httpDuration);
  guardJobDashboardOf(app);
  await app.register(fastifyCookie);
  refuseCrossSiteWrites(app.getHttpAdapter().getInstance());
  limitJsonBodies(app, BODY_LIMIT);
  acceptCsvBodies(app);
  if (app.get(AppConfig).get('COUNT_QUERIES')) countQueriesPerRequest(app.getHttpAdapter().getInstance());
  // Echo the request id (kept from the caller or made by pino-http) so a support request can quote it.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply) => {
      reply.header('x-request-id', requestIdOf(request.raw));
    });
  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
      { path: 'admin/queues', method: RequestMethod.ALL },
    ],
  });
  app.useGlobalPipes(
    new RejectNulCharactersPipe(),
    new AppValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false }),
  );
  app.enableShutdownHooks();
  const document = finishDocument(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Back office ISS — ARS Occitanie')
        .setDescription('Mission de lutte contre les inégalités sociales de santé : API du back office')
        .setVersion('1')
        .addBearerAuth()
        .addCookieAuth('iss_session')
        .build(),
      // An operation is named by its method (`createProject`): the web client's function names.
      { extraModels: [ErrorResponseDto], operationIdFactory: (_controller: string, method: string) => method },
    ),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
  await registerWebApp(app);
  return app;
}

/**
 * Fastify's `trustProxy`: off unless TRUST_PROXY names the proxies (addresses or CIDRs). Trusted
 * blindly, X-Forwarded-For is whatever the client writes, and the per-address login limit with it.
 */
function trustedProxies(setting: string): string[] | false {
  const proxies = setting
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return proxies.length > 0 ? proxies : false;
}
