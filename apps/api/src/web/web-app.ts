import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { wantsAppPage } from './app-page';

/** `npm run build` puts the web app's Vite output beside the compiled apps: dist/web. */
export const WEB_DIR = join(__dirname, '..', '..', '..', '..', 'web');

/**
 * Serves the web app at `/`: its files (hashed assets cached for a year, the rest asked again each
 * time), brotli or gzip as the build precompressed them (apps/web/vite.config.mts) when the browser
 * accepts it, and index.html for any other page a browser asks for, so that the app's own router takes over.
 * Without a built app (an api-only build) nothing is registered.
 */
export async function registerWebApp(app: NestFastifyApplication, webDir = WEB_DIR): Promise<boolean> {
  if (!existsSync(join(webDir, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    index: false,
    preCompressed: true,
    setHeaders: (reply, path) => {
      reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (request: FastifyRequest, reply: FastifyReply) => {
      if (!wantsAppPage(request.method, request.url, request.headers.accept)) return reply.callNotFound();
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  return true;
}
