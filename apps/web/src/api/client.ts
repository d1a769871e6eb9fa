import { client } from './generated/client.gen';
import { ApiError, type ApiErrorBody } from './errors';

// Same origin as the api: the httpOnly session cookie goes with every request, no token in JS.
// X-Requested-With on every request: the api refuses cookie-authenticated writes without it (CSRF).
client.setConfig({ baseUrl: '', headers: { 'X-Requested-With': 'iss-web' } });

type Result<T> = ({ data: T; error: undefined } | { data: undefined; error: unknown }) & { response?: Response };

/**
 * Awaits a generated SDK call and returns its data, or throws an `ApiError` carrying the status
 * and the API's error body, which `toFrench` turns into words and the session watches for 401.
 */
export async function ok<R extends Result<unknown>>(request: Promise<R>): Promise<Exclude<R['data'], undefined>> {
  let result: R;
  try {
    result = await request;
  } catch {
    throw new ApiError(0);
  }
  const status = result.response?.status ?? 0;
  if (result.error !== undefined || !result.response?.ok) throw new ApiError(status, result.error as ApiErrorBody);
  return result.data as Exclude<R['data'], undefined>;
}

export * from './generated/sdk.gen';
export type * from './generated/types.gen';
