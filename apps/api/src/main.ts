import 'reflect-metadata';
import { AppConfig } from '@app/core';
import { createApp } from './app.factory';

async function bootstrap(): Promise<void> {
  const app = await createApp();
  const port = app.get(AppConfig).get('PORT');
  await app.listen({ port, host: '0.0.0.0' });
}

bootstrap().catch((error: Error) => {
  // One clear line (e.g. "Invalid configuration: DATABASE_URL must be a postgres:// URL"), no stack.
  console.error(`api: ${error.message}`);
  process.exit(1);
});
