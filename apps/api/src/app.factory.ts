import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import { RequestMethod, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppConfig, RejectNulCharactersPipe } from '@app/core';
import { AppModule } from './app.module';
import { requestIdOf } from './auth/request-id';
import { countQueriesPerRequest } from './query-count-header';
import { registerWebApp } from './web/web-app';
import { recordRoutes, RegisteredRoute } from './route-listing';

export interface AppOptions {
  logger?: boolean;
  /** Filled with every route the app registers (for `main.js routes`). */
  routes?: RegisteredRoute[];
}

/** The api as it runs in production; the e2e tests build it with this same function. */
export async function createApp(options: AppOptions = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    trustProxy: true,
    bodyLimit: 1_048_576,
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
  await app.register(fastifyHelmet, {
    // Swagger UI needs inline scripts and styles; the web app (DSFR) loads its fonts, icons and
    // styles from this same origin, some icons inlined as data: URIs. The rest keeps helmet's defaults.
    contentSecurityPolicy: {
      directives: {
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
      },
    },
  });
  await app.register(fastifyCookie);
  if (app.get(AppConfig).get('COUNT_QUERIES')) countQueriesPerRequest(app.getHttpAdapter().getInstance());
  // Echo the request id (kept from the caller or made by pino-http) so a support request can quote it.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply) => {
      reply.header('x-request-id', requestIdOf(request.raw));
    });
  app.setGlobalPrefix('api', { exclude: [{ path: 'health', method: RequestMethod.GET }] });
  app.useGlobalPipes(
    new RejectNulCharactersPipe(),
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false }),
  );
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Back office ISS — ARS Occitanie')
      .setDescription('Mission de lutte contre les inégalités sociales de santé : API du back office')
      .setVersion('1')
      .addBearerAuth()
      .addCookieAuth('iss_session')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
  await registerWebApp(app);
  return app;
}
