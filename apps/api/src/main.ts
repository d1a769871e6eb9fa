import 'reflect-metadata';
import { runMain } from '@app/core/bootstrap/run-main';
import { AppConfig } from '@app/core';
import { createApp } from './app.factory';
import { RegisteredRoute } from './route-listing';

/** `main.js routes`: prints every registered route as JSON and exits (the guard-coverage check reads it). */
async function printRoutes(): Promise<void> {
  const routes: RegisteredRoute[] = [];
  const app = await createApp({ logger: false, routes });
  await app.init();
  await app.close();
  process.stdout.write(`${JSON.stringify(routes)}\n`);
}

runMain(async () => {
  if (process.argv[2] === 'routes') return printRoutes();
  const app = await createApp();
  await app.listen({ port: app.get(AppConfig).get('PORT'), host: '0.0.0.0' });
});
