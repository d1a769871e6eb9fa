/** Paths the single-page app never answers: the API's unknown routes keep their JSON 404. */
const SERVER_PATHS = /^\/(api|health)(\/|$)/;

/**
 * A browser navigating to a page of the app (not a script asking for a missing file, not the API). The
 * root is the app whatever the client accepts: a `curl -I /` or an uptime probe sees what browsers get.
 */
export function wantsAppPage(method: string, url: string, accept: string | undefined): boolean {
  const path = url.split('?')[0];
  if (method !== 'GET' && method !== 'HEAD') return false;
  return path === '/' || (!SERVER_PATHS.test(path) && (accept ?? '').includes('text/html'));
}
