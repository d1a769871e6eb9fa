import { defineConfig } from '@hey-api/openapi-ts';

// The typed client is generated from the committed snapshot of the api's OpenAPI document.
export default defineConfig({
  input: 'apps/web/openapi.json',
  output: { path: 'apps/web/src/api/generated' },
  plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
});
