import type { FastifyReply, FastifyRequest } from 'fastify';
import { ExtractJwt } from 'passport-jwt';

/** The browser session cookie: httpOnly, SameSite=Strict, carrying the same JWT as the bearer header. */
export const SESSION_COOKIE = 'iss_session';

const fromAuthHeader = ExtractJwt.fromAuthHeaderAsBearerToken();

/** The token of an `Authorization: Bearer` header, if any: it takes precedence over the cookie. */
export const bearerToken = (req: FastifyRequest): string | null => fromAuthHeader(req as never);

export const sessionCookie = (req: FastifyRequest): string | null => req.cookies?.[SESSION_COOKIE] ?? null;

/** True when the request is authenticated by the cookie, the one credential a browser adds on its own. */
export const authenticatesByCookie = (req: FastifyRequest): boolean => !bearerToken(req) && !!sessionCookie(req);

/** Sets the session cookie for a new session (`secure` in production). */
export function setSessionCookie(
  reply: FastifyReply,
  session: { accessToken: string; expiresAt: Date },
  secure: boolean,
) {
  reply.setCookie(SESSION_COOKIE, session.accessToken, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    expires: session.expiresAt,
  });
}
