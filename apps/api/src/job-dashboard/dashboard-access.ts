import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestAsyncHookHandler,
  onSendHookHandler,
} from 'fastify';
import type { Actor, Role } from '@app/core/auth/actor';
// The error body alone, not core's barrel: this module's spec runs without Nest.
import { errorBody } from '@app/core/errors/error-body';

/** Where the job dashboard answers (CONTRACT.md), outside /api like /health. */
export const JOB_DASHBOARD_ROUTE = '/admin/queues';
/** Who may open it (DESIGN.md: the admin runs the queue dashboard). */
export const JOB_DASHBOARD_ROLES: readonly Role[] = ['admin'];

export interface DashboardAccess {
  /** The api's session check (bearer header or cookie): the actor, or a 401 thrown. */
  authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<Actor>;
  /** The api's role check: throws 403. */
  assertRole: (actor: Actor, roles: readonly Role[]) => void;
  /**
   * Records an action on the queue (any method but GET) before it runs; absent while the dashboard is
   * read-only (bull-board then refuses every action itself).
   */
  recordAction?: (actor: Actor, request: string) => Promise<void>;
}

/** True for the dashboard's page and every route under it (its API, its scripts and styles). */
export const isJobDashboardUrl = (url: string) =>
  url === JOB_DASHBOARD_ROUTE || url.startsWith(`${JOB_DASHBOARD_ROUTE}/`);

/** bull-board's page asks Google Fonts for its typefaces. */
const THIRD_PARTY_FONTS = /<link [^>]*href="https:\/\/fonts\.googleapis\.com\/[^>]*>\s*/g;

/**
 * The dashboard's page without its Google Fonts stylesheet: an administration's back office sends its
 * users' addresses to no third party, and the api's CSP (style-src 'self') would refuse it anyway,
 * which the browser reports as an error. The page falls back to the system's sans-serif.
 */
export const withoutThirdPartyFonts = (html: string): string => html.replace(THIRD_PARTY_FONTS, '');

const ownFontsOnly: onSendHookHandler = (_request, reply, payload, done) => {
  const html = typeof payload === 'string' && String(reply.getHeader('content-type')).startsWith('text/html');
  done(null, html ? withoutThirdPartyFonts(payload) : payload);
};

/**
 * The dashboard is a Fastify plugin (bull-board), out of reach of Nest's guards. Every route it
 * registers under JOB_DASHBOARD_ROUTE gets, as the route is registered, a first hook that runs the
 * api's own authentication (`authenticate`: the JWT guard's, bearer header or session cookie) and then
 * its role check: 401 without a valid session, 403 for another role, in the api's error shape. Other
 * routes get nothing, so the api's hot path does not pay for it. Its pages also lose their third-party
 * fonts (`withoutThirdPartyFonts`). Call before the app initializes.
 */
export function guardJobDashboard(
  fastify: FastifyInstance,
  { authenticate, assertRole, recordAction }: DashboardAccess,
): void {
  const adminOnly: onRequestAsyncHookHandler = async (request, reply) => {
    try {
      const actor = await authenticate(request, reply);
      assertRole(actor, JOB_DASHBOARD_ROLES);
      // Queue actions change Redis, not PostgreSQL: audited before they run; one that cannot be is refused.
      if (recordAction && request.method !== 'GET' && request.method !== 'HEAD')
        await recordAction(actor, `${request.method} ${request.url}`);
    } catch (error) {
      const body = errorBody(error);
      return reply.code(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
    }
  };
  fastify.addHook('onRoute', (route) => {
    if (!isJobDashboardUrl(route.url)) return;
    const own = route.onRequest ? [route.onRequest].flat() : [];
    route.onRequest = [adminOnly, ...own];
    if ([route.method].flat().includes('GET'))
      route.onSend = [...(route.onSend ? [route.onSend].flat() : []), ownFontsOnly];
  });
}
