import 'reflect-metadata';
import { runMain } from '@app/core/bootstrap/run-main';
import { AppConfig } from '@app/core';
import { createApp } from './app.factory';

runMain(async () => {
  const app = await createApp();
  await app.listen({ port: app.get(AppConfig).get('PORT'), host: '0.0.0.0' });
});
