/**
 * The fields of a request's log line. pino-http's defaults copy every header into the line and then
 * redact the token and the cookie from a copy, on every request; the line keeps what a support request
 * needs (the id echoed in `x-request-id`, method, path with query, caller address) and never a header,
 * so no credential can reach the logs.
 */
export function requestLogFields(req: { id?: unknown; method?: string; url?: string; remoteAddress?: string }) {
  return { id: req.id, method: req.method, url: req.url, remoteAddress: req.remoteAddress };
}

/** The status only: response headers carry the session cookie on sign-in. */
export function responseLogFields(res: { statusCode?: number }) {
  return { statusCode: res.statusCode };
}
