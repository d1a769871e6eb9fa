import type { Page } from 'playwright-core';

/**
 * The API calls of this page answered 404 from now on, filled as they come: "nothing yet" is an empty
 * state, never a 404, so a journey expects this list to stay empty.
 */
export function apiNotFound(page: Page): string[] {
  const urls: string[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/api/') && response.status() === 404) urls.push(response.url());
  });
  return urls;
}
