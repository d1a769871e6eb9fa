import { randomUUID } from 'node:crypto';
import { api, DEMO, HttpMethod, login } from '../support/http';
import { Stack } from '../support/stack';

/**
 * Object-level authorization (DESIGN.md "who may do what", CONTRACT.md): one table, one test per row.
 * Each row is who, the route, the object it acts on, and the status expected. Bodies are valid, so a
 * refusal can only come from the access rules; rows that succeed come after the refusals on the
 * same object, since they change it.
 */
type Account = keyof typeof DEMO;
type Target = keyof Fixtures;

interface Fixtures {
  'action of 31': string;
  'action of 34': string;
  'contract of 31': string;
  'contract of 34': string;
  'project of 31 under review': string;
  'project of 34 under review': string;
  'selected project without grant': string;
  'grant with money left': string;
  'the 2021 call': string;
  'the 2022 roadmap (draft)': string;
  'plenary (member sits)': string;
  'working group (member does not sit)': string;
  'plenary meeting, minutes published': string;
  'plenary meeting, minutes draft': string;
  'working group meeting, minutes published': string;
  "the auditor's funding report": string;
  "the auditor's verification run": string;
  '—': string;
}

const today = () => new Date().toISOString().slice(0, 10);

// prettier-ignore
const MATRIX: [Account, string, Target, number][] = [
  // Roadmap actions: referents update the actions of their departments and read the others.
  ['referent31', 'PATCH /api/actions/:id', 'action of 34', 403],
  ['referent34', 'PATCH /api/actions/:id', 'action of 31', 403],
  ['auditor', 'PATCH /api/actions/:id', 'action of 31', 403],
  ['member', 'PATCH /api/actions/:id', 'action of 31', 403],
  ['admin', 'PATCH /api/actions/:id', 'action of 31', 403],
  ['referent31', 'PATCH /api/actions/:id', 'action of 31', 200],
  ['referent34', 'PATCH /api/actions/:id', 'action of 34', 200],
  ['officer', 'PATCH /api/actions/:id', 'action of 34', 200],
  ['delegate', 'PATCH /api/actions/:id', 'action of 31', 200],
  ['referent31', 'GET /api/actions/:id', 'action of 34', 200],
  ['auditor', 'GET /api/actions/:id', 'action of 31', 200],
  ['member', 'GET /api/actions/:id', 'action of 31', 403],
  // Departmental opinions: only a referent of one of the project's departments, for that department.
  ['referent34', 'POST /api/projects/:id/opinions for 31', 'project of 31 under review', 403],
  ['referent34', 'POST /api/projects/:id/opinions for 34', 'project of 31 under review', 403],
  ['officer', 'POST /api/projects/:id/opinions for 31', 'project of 31 under review', 403],
  ['delegate', 'POST /api/projects/:id/opinions for 31', 'project of 31 under review', 403],
  ['auditor', 'POST /api/projects/:id/opinions for 31', 'project of 31 under review', 403],
  ['referent31', 'POST /api/projects/:id/opinions for 31', 'project of 31 under review', 201],
  ['referent31', 'GET /api/projects/:id', 'project of 34 under review', 200],
  ['member', 'GET /api/projects/:id', 'project of 31 under review', 403],
  // Local health contracts: referents maintain those of their departments, the mission all of them.
  ['referent31', 'PATCH /api/local-health-contracts/:id', 'contract of 34', 403],
  ['referent34', 'PATCH /api/local-health-contracts/:id', 'contract of 31', 403],
  ['auditor', 'PATCH /api/local-health-contracts/:id', 'contract of 31', 403],
  ['member', 'PATCH /api/local-health-contracts/:id', 'contract of 31', 403],
  ['admin', 'PATCH /api/local-health-contracts/:id', 'contract of 31', 403],
  ['referent31', 'PATCH /api/local-health-contracts/:id', 'contract of 31', 200],
  ['referent34', 'PATCH /api/local-health-contracts/:id', 'contract of 34', 200],
  ['officer', 'PATCH /api/local-health-contracts/:id', 'contract of 31', 200],
  ['delegate', 'PATCH /api/local-health-contracts/:id', 'contract of 34', 200],
  ['referent34', 'GET /api/local-health-contracts/:id', 'contract of 31', 200],
  // A referent gives what it creates only departments of its own: a contract's action sheets, a contract's communes.
  ['referent31', 'POST /api/local-health-contracts/:id/actions in 34', 'contract of 31', 403],
  ['referent31', 'POST /api/local-health-contracts/:id/actions in 31 and 34', 'contract of 31', 403],
  ['referent34', 'POST /api/local-health-contracts/:id/actions in 34', 'contract of 31', 403],
  ['auditor', 'POST /api/local-health-contracts/:id/actions in 31', 'contract of 31', 403],
  ['referent31', 'POST /api/local-health-contracts/:id/actions in 31', 'contract of 31', 201],
  ['referent31', 'POST /api/local-health-contracts in 31 with Montpellier (34)', '—', 403],
  ['referent34', 'POST /api/local-health-contracts in 31 with Montpellier (34)', '—', 403],
  ['officer', 'POST /api/local-health-contracts in 31 with Montpellier (34)', '—', 201],
  ['member', 'GET /api/local-health-contracts/:id', 'contract of 31', 403],
  // A contract's territory, edited: a referent cannot move another department's commune into its contract.
  ['referent31', 'PATCH /api/local-health-contracts/:id with Montpellier (34)', 'contract of 31', 403],
  ['officer', 'PATCH /api/local-health-contracts/:id with Montpellier (34)', 'contract of 31', 200],
  // The delegate decides and commits money; the mission officer instructs and pays.
  ['officer', 'POST /api/projects/:id/transitions to selected', 'project of 34 under review', 403],
  ['referent34', 'POST /api/projects/:id/transitions to selected', 'project of 34 under review', 403],
  ['admin', 'POST /api/projects/:id/transitions to selected', 'project of 34 under review', 403],
  ['auditor', 'POST /api/projects/:id/transitions to selected', 'project of 34 under review', 403],
  ['delegate', 'POST /api/projects/:id/transitions to selected', 'project of 34 under review', 200],
  // The role is checked before the state: a caller who never makes the move gets 403, not a 409 naming the state.
  ['referent31', 'POST /api/projects/:id/transitions to selected', 'selected project without grant', 403],
  ['officer', 'POST /api/projects/:id/transitions to selected', 'selected project without grant', 403],
  ['auditor', 'POST /api/projects/:id/transitions to withdrawn', 'selected project without grant', 403],
  ['referent31', 'POST /api/projects/:id/transitions to withdrawn', 'selected project without grant', 403],
  ['officer', 'POST /api/projects/:id/transitions to withdrawn', 'selected project without grant', 409],
  ['referent31', 'POST /api/projects/transitions (bulk) to withdrawn', 'selected project without grant', 403],
  ['auditor', 'POST /api/projects/transitions (bulk) to withdrawn', 'selected project without grant', 403],
  ['referent31', 'POST /api/meetings/:id/minutes/approve', 'plenary meeting, minutes published', 403],
  ['member', 'POST /api/meetings/:id/minutes/publish', 'plenary meeting, minutes published', 403],
  ['officer', 'POST /api/meetings/:id/minutes/approve', 'plenary meeting, minutes published', 409],
  ['auditor', 'POST /api/roadmaps/:year/transitions to validated', 'the 2022 roadmap (draft)', 403],
  ['officer', 'POST /api/projects/:id/grant', 'selected project without grant', 403],
  ['admin', 'POST /api/projects/:id/grant', 'selected project without grant', 403],
  ['auditor', 'POST /api/projects/:id/grant', 'selected project without grant', 403],
  ['referent31', 'POST /api/projects/:id/grant', 'selected project without grant', 403],
  ['delegate', 'POST /api/projects/:id/grant', 'selected project without grant', 201],
  ['referent31', 'POST /api/grants/:id/payments', 'grant with money left', 403],
  ['auditor', 'POST /api/grants/:id/payments', 'grant with money left', 403],
  ['admin', 'POST /api/grants/:id/payments', 'grant with money left', 403],
  ['officer', 'POST /api/grants/:id/payments', 'grant with money left', 201],
  ['delegate', 'POST /api/grants/:id/payments', 'grant with money left', 201],
  ['referent31', 'POST /api/roadmaps/:year/transitions to submitted', 'the 2022 roadmap (draft)', 403],
  ['auditor', 'POST /api/roadmaps/:year/transitions to submitted', 'the 2022 roadmap (draft)', 403],
  ['officer', 'POST /api/roadmaps/:year/transitions to validated', 'the 2022 roadmap (draft)', 403],
  ['delegate', 'POST /api/roadmaps/:year/transitions to validated', 'the 2022 roadmap (draft)', 409],
  ['officer', 'POST /api/roadmaps/:year/transitions to submitted', 'the 2022 roadmap (draft)', 200],
  // The auditor reads funding and the audit trail and exports; writes nothing.
  ['auditor', 'POST /api/calls', '—', 403],
  ['referent31', 'POST /api/calls', '—', 403],
  ['auditor', 'GET /api/calls/:id/funding', 'the 2021 call', 200],
  ['auditor', 'GET /api/exports/funding.csv', 'the 2021 call', 200],
  ['referent31', 'GET /api/exports/funding.csv', 'the 2021 call', 403],
  ['member', 'GET /api/calls/:id/funding', 'the 2021 call', 403],
  ['auditor', 'GET /api/audit-events', '—', 200],
  ['delegate', 'GET /api/audit-events', '—', 200],
  ['officer', 'GET /api/audit-events', '—', 403],
  ['referent31', 'GET /api/audit-events', '—', 403],
  ['member', 'GET /api/audit-events', '—', 403],
  ['auditor', 'GET /api/audit-events/export.csv', '—', 200],
  ['delegate', 'GET /api/audit-events/export.csv', '—', 200],
  ['officer', 'GET /api/audit-events/export.csv', '—', 403],
  ['referent31', 'GET /api/audit-events/export.csv', '—', 403],
  ['member', 'GET /api/audit-events/export.csv', '—', 403],
  // Audit seals: signed by admin and auditor on demand; seals and their public key read like the trail.
  ['delegate', 'POST /api/audit-events/seals', '—', 403],
  ['officer', 'POST /api/audit-events/seals', '—', 403],
  ['referent31', 'POST /api/audit-events/seals', '—', 403],
  ['auditor', 'POST /api/audit-events/seals', '—', 201],
  ['admin', 'POST /api/audit-events/seals', '—', 201],
  ['delegate', 'GET /api/audit-events/seal-key', '—', 200],
  ['officer', 'GET /api/audit-events/seal-key', '—', 403],
  ['member', 'GET /api/audit-events/seals', '—', 403],
  ['auditor', 'GET /api/audit-events/seals', '—', 200],
  ['delegate', 'GET /api/audit-events/verify', '—', 403],
  ['auditor', 'GET /api/audit-events/verify', '—', 200],
  // Verification runs (issue 16): requested and read by those who may verify the trail.
  ['delegate', 'POST /api/audit-events/verifications', '—', 403],
  ['officer', 'POST /api/audit-events/verifications', '—', 403],
  ['member', 'POST /api/audit-events/verifications', '—', 403],
  ['auditor', 'POST /api/audit-events/verifications', '—', 202],
  ['admin', 'POST /api/audit-events/verifications', '—', 202],
  ['delegate', 'GET /api/audit-events/verifications/latest', '—', 403],
  ['referent31', 'GET /api/audit-events/verifications/latest', '—', 403],
  ['auditor', 'GET /api/audit-events/verifications/latest', '—', 200],
  ['admin', 'GET /api/audit-events/verifications/latest', '—', 200],
  ['delegate', 'GET /api/audit-events/verifications/:id', "the auditor's verification run", 403],
  ['member', 'GET /api/audit-events/verifications/:id', "the auditor's verification run", 403],
  ['auditor', 'GET /api/audit-events/verifications/:id', "the auditor's verification run", 200],
  ['admin', 'GET /api/audit-events/verifications/:id', "the auditor's verification run", 200],
  // Commission members: the bodies they sit on, and their minutes once published.
  ['member', 'GET /api/bodies/:id', 'plenary (member sits)', 200],
  ['member', 'GET /api/bodies/:id', 'working group (member does not sit)', 403],
  ['member', 'GET /api/meetings/:id/minutes', 'plenary meeting, minutes published', 200],
  ['member', 'GET /api/meetings/:id/minutes', 'plenary meeting, minutes draft', 403],
  ['member', 'GET /api/meetings/:id/minutes', 'working group meeting, minutes published', 403],
  ['referent31', 'GET /api/meetings/:id/minutes', 'plenary meeting, minutes draft', 200],
  ['auditor', 'GET /api/meetings/:id/minutes', 'plenary meeting, minutes draft', 200],
  ['member', 'PUT /api/meetings/:id/minutes', 'plenary meeting, minutes draft', 403],
  ['referent31', 'PUT /api/meetings/:id/minutes', 'plenary meeting, minutes draft', 403],
  ['auditor', 'PUT /api/meetings/:id/minutes', 'plenary meeting, minutes draft', 403],
  ['officer', 'PUT /api/meetings/:id/minutes', 'plenary meeting, minutes draft', 200],
  // Reports: who may request or read one is who may read its subject.
  ['member', 'POST /api/reports minutes', 'plenary meeting, minutes published', 202],
  ['member', 'POST /api/reports minutes', 'plenary meeting, minutes draft', 403],
  ['member', 'POST /api/reports minutes', 'working group meeting, minutes published', 403],
  ['member', 'POST /api/reports funding', 'the 2021 call', 403],
  ['member', 'POST /api/reports roadmap', '—', 403],
  ['member', 'POST /api/reports notice', 'plenary meeting, minutes published', 202],
  ['member', 'POST /api/reports notice', 'working group meeting, minutes published', 403],
  ['member', 'POST /api/reports attendance_sheet', 'working group meeting, minutes published', 403],
  // The funding report prints the ledger: refused to whoever is refused its CSV.
  ['referent31', 'POST /api/reports funding', 'the 2021 call', 403],
  ['referent34', 'GET /api/reports/:id', "the auditor's funding report", 403],
  ['member', 'GET /api/reports/:id', "the auditor's funding report", 403],
  ['delegate', 'GET /api/reports/:id', "the auditor's funding report", 200],
  ['auditor', 'GET /api/reports/:id', "the auditor's funding report", 200],
  // The admin runs the accounts.
  ['delegate', 'POST /api/users', '—', 403],
  ['officer', 'POST /api/users', '—', 403],
  ['admin', 'POST /api/users', '—', 201],
  ['officer', 'GET /api/users', '—', 403],
  ['auditor', 'GET /api/users', '—', 403],
  ['member', 'GET /api/users', '—', 403],
  ['admin', 'GET /api/users', '—', 200],
  // The job dashboard (bull-board, outside /api): its page and its API, for the admin only.
  ['delegate', 'GET /admin/queues', '—', 403],
  ['officer', 'GET /admin/queues/api/queues', '—', 403],
  ['referent31', 'GET /admin/queues', '—', 403],
  ['auditor', 'GET /admin/queues/api/queues', '—', 403],
  ['member', 'GET /admin/queues', '—', 403],
  ['admin', 'GET /admin/queues', '—', 200],
  ['admin', 'GET /admin/queues/api/queues', '—', 200],
  // The admin says which roles must sign in with ProConnect.
  ['delegate', 'GET /api/auth/sign-in-policy', '—', 403],
  ['auditor', 'GET /api/auth/sign-in-policy', '—', 403],
  ['admin', 'GET /api/auth/sign-in-policy', '—', 200],
  ['delegate', 'PUT /api/auth/sign-in-policy', '—', 403],
  ['member', 'PUT /api/auth/sign-in-policy', '—', 403],
  ['admin', 'PUT /api/auth/sign-in-policy', '—', 200],
  // The outbox (issue 17): members' addresses and what was said to them, the admin's alone.
  ['delegate', 'GET /api/mail/outbox', '—', 403],
  ['officer', 'GET /api/mail/outbox', '—', 403],
  ['auditor', 'GET /api/mail/outbox', '—', 403],
  ['member', 'GET /api/mail/outbox', '—', 403],
  ['admin', 'GET /api/mail/outbox', '—', 200],
  ['officer', 'POST /api/mail/outbox/:id/retry', '—', 403],
  ['admin', 'POST /api/mail/outbox/:id/retry', '—', 404],
  // Everyone's own e-mail preferences.
  ['member', 'GET /api/mail/preferences', '—', 200],
  ['auditor', 'PUT /api/mail/preferences', '—', 200],
  // Convening and moving a meeting: those who run the commission.
  ['referent31', 'POST /api/meetings/:id/convene', 'plenary meeting, minutes draft', 403],
  ['member', 'POST /api/meetings/:id/convene', 'plenary meeting, minutes draft', 403],
  ['auditor', 'PATCH /api/meetings/:id', 'plenary meeting, minutes draft', 403],
  ['member', 'PATCH /api/meetings/:id', 'plenary meeting, minutes draft', 403],
];

describe('object-level access matrix (role × route × object)', () => {
  let stack: Stack;
  const tokens: Partial<Record<Account, string>> = {};
  const fixtures = {} as Fixtures;
  /** A commission decision, for the roadmap's validation. */
  let decisionId: string;

  // Every answer is checked against the OpenAPI document too: the refusals' shapes are documented.
  const as = (account: Account) => ({
    get: (url: string) => api(stack, tokens[account]).get(url),
    send: (method: string, url: string, body?: object) =>
      api(stack, tokens[account])[method.toLowerCase() as HttpMethod](url).send(body),
  });
  const one = async (sql: string) => {
    const { rows } = await stack.db.query(sql);
    if (!rows[0]) throw new Error(`no demo object for: ${sql}`);
    return rows[0].id as string;
  };
  /** The version to send: read by the mission officer just before the write. */
  const versionOf = async (url: string) => (await as('officer').get(url)).body.version as number;

  /** How each route of the table is called on an object: the URL and a valid body. */
  const ROUTES: Record<string, (id: string) => { method: string; url: string; body?: () => Promise<object> }> = {
    'PATCH /api/actions/:id': (id) => ({
      method: 'PATCH',
      url: `/api/actions/${id}`,
      body: async () => ({ version: await versionOf(`/api/actions/${id}`), comment: 'point d’étape' }),
    }),
    'GET /api/actions/:id': (id) => ({ method: 'GET', url: `/api/actions/${id}` }),
    'POST /api/projects/:id/opinions for 31': (id) => opinion(id, '31'),
    'POST /api/projects/:id/opinions for 34': (id) => opinion(id, '34'),
    'GET /api/projects/:id': (id) => ({ method: 'GET', url: `/api/projects/${id}` }),
    'PATCH /api/local-health-contracts/:id': (id) => ({
      method: 'PATCH',
      url: `/api/local-health-contracts/${id}`,
      body: async () => ({
        version: await versionOf(`/api/local-health-contracts/${id}`),
        name: `CLS ${randomUUID()}`,
      }),
    }),
    'GET /api/local-health-contracts/:id': (id) => ({ method: 'GET', url: `/api/local-health-contracts/${id}` }),
    'PATCH /api/local-health-contracts/:id with Montpellier (34)': (id) => ({
      method: 'PATCH',
      url: `/api/local-health-contracts/${id}`,
      body: async () => ({
        version: await versionOf(`/api/local-health-contracts/${id}`),
        territories: [{ inseeCode: '34172', name: 'Montpellier', population: 0 }],
      }),
    }),
    'POST /api/projects/:id/transitions to selected': (id) => ({
      method: 'POST',
      url: `/api/projects/${id}/transitions`,
      body: async () => ({ to: 'selected' }),
    }),
    'POST /api/projects/:id/transitions to withdrawn': (id) => ({
      method: 'POST',
      url: `/api/projects/${id}/transitions`,
      body: async () => ({ to: 'withdrawn' }),
    }),
    'POST /api/projects/transitions (bulk) to withdrawn': (id) => ({
      method: 'POST',
      url: '/api/projects/transitions',
      body: async () => ({ projectIds: [id], to: 'withdrawn' }),
    }),
    'POST /api/local-health-contracts/:id/actions in 31': (id) => actionSheet(id, ['31']),
    'POST /api/local-health-contracts/:id/actions in 34': (id) => actionSheet(id, ['34']),
    'POST /api/local-health-contracts/:id/actions in 31 and 34': (id) => actionSheet(id, ['31', '34']),
    'POST /api/local-health-contracts in 31 with Montpellier (34)': () => ({
      method: 'POST',
      url: '/api/local-health-contracts',
      body: async () => ({
        name: `CLS ${randomUUID()}`,
        departmentCode: '31',
        status: 'signed',
        territories: [{ inseeCode: '34172', name: 'Montpellier', population: 10_000_000 }],
      }),
    }),
    'POST /api/meetings/:id/minutes/approve': (id) => ({ method: 'POST', url: `/api/meetings/${id}/minutes/approve` }),
    'POST /api/meetings/:id/minutes/publish': (id) => ({ method: 'POST', url: `/api/meetings/${id}/minutes/publish` }),
    'POST /api/projects/:id/grant': (id) => ({
      method: 'POST',
      url: `/api/projects/${id}/grant`,
      body: async () => ({ amountCents: 100_000 }),
    }),
    'POST /api/grants/:id/payments': (id) => ({
      method: 'POST',
      url: `/api/grants/${id}/payments`,
      body: async () => ({ amountCents: 100, kind: 'installment', paidOn: today() }),
    }),
    'POST /api/calls': () => ({
      method: 'POST',
      url: '/api/calls',
      body: async () => ({
        title: 'AMI de contrôle',
        year: 2027,
        fundingSource: 'FIR',
        envelopeCents: 10_000_000,
        opensOn: '2027-01-15',
        closesOn: '2027-03-15',
        axes: [{ code: 'A1', label: 'Axe de contrôle' }],
      }),
    }),
    'POST /api/roadmaps/:year/transitions to submitted': (year) => roadmapMove(year, { to: 'submitted' }),
    'POST /api/roadmaps/:year/transitions to validated': (year) => roadmapMove(year, { to: 'validated', decisionId }),
    'GET /api/calls/:id/funding': (id) => ({ method: 'GET', url: `/api/calls/${id}/funding` }),
    'GET /api/exports/funding.csv': (id) => ({ method: 'GET', url: `/api/exports/funding.csv?callId=${id}` }),
    'GET /api/audit-events': () => ({ method: 'GET', url: '/api/audit-events' }),
    'GET /api/audit-events/export.csv': () => ({
      method: 'GET',
      url: '/api/audit-events/export.csv?action=user.create',
    }),
    'POST /api/audit-events/seals': () => ({ method: 'POST', url: '/api/audit-events/seals' }),
    'GET /api/audit-events/seals': () => ({ method: 'GET', url: '/api/audit-events/seals' }),
    'GET /api/audit-events/seal-key': () => ({ method: 'GET', url: '/api/audit-events/seal-key' }),
    'GET /api/audit-events/verify': () => ({ method: 'GET', url: '/api/audit-events/verify' }),
    'POST /api/audit-events/verifications': () => ({ method: 'POST', url: '/api/audit-events/verifications' }),
    'GET /api/audit-events/verifications/latest': () => ({
      method: 'GET',
      url: '/api/audit-events/verifications/latest',
    }),
    'GET /api/audit-events/verifications/:id': (id) => ({
      method: 'GET',
      url: `/api/audit-events/verifications/${id}`,
    }),
    'GET /api/bodies/:id': (id) => ({ method: 'GET', url: `/api/bodies/${id}` }),
    'GET /api/meetings/:id/minutes': (id) => ({ method: 'GET', url: `/api/meetings/${id}/minutes` }),
    'PUT /api/meetings/:id/minutes': (id) => ({
      method: 'PUT',
      url: `/api/meetings/${id}/minutes`,
      body: async () => ({ content: 'Relevé de décisions.', version: await versionOf(`/api/meetings/${id}/minutes`) }),
    }),
    'POST /api/reports minutes': (id) => report('minutes', { meetingId: id }),
    'POST /api/reports funding': (id) => report('funding', { callId: id }),
    'POST /api/reports roadmap': () => report('roadmap', { year: 2022 }),
    'POST /api/reports notice': (id) => report('notice', { meetingId: id }),
    'POST /api/reports attendance_sheet': (id) => report('attendance_sheet', { meetingId: id }),
    'GET /api/reports/:id': (id) => ({ method: 'GET', url: `/api/reports/${id}` }),
    'GET /api/users': () => ({ method: 'GET', url: '/api/users?role=admin&search=demo' }),
    'GET /admin/queues': () => ({ method: 'GET', url: '/admin/queues' }),
    'GET /admin/queues/api/queues': () => ({ method: 'GET', url: '/admin/queues/api/queues' }),
    'GET /api/auth/sign-in-policy': () => ({ method: 'GET', url: '/api/auth/sign-in-policy' }),
    'PUT /api/auth/sign-in-policy': () => ({
      method: 'PUT',
      url: '/api/auth/sign-in-policy',
      body: async () => ({ proconnectRequiredRoles: [] }),
    }),
    'GET /api/mail/outbox': () => ({ method: 'GET', url: '/api/mail/outbox?status=failed' }),
    'POST /api/mail/outbox/:id/retry': () => ({ method: 'POST', url: `/api/mail/outbox/${randomUUID()}/retry` }),
    'GET /api/mail/preferences': () => ({ method: 'GET', url: '/api/mail/preferences' }),
    'PUT /api/mail/preferences': () => ({
      method: 'PUT',
      url: '/api/mail/preferences',
      body: async () => ({ weeklyDigest: false }),
    }),
    'POST /api/meetings/:id/convene': (id) => ({ method: 'POST', url: `/api/meetings/${id}/convene` }),
    'PATCH /api/meetings/:id': (id) => ({
      method: 'PATCH',
      url: `/api/meetings/${id}`,
      body: async () => ({ place: 'Toulouse', version: await versionOf(`/api/meetings/${id}`) }),
    }),
    'POST /api/users': () => ({
      method: 'POST',
      url: '/api/users',
      body: async () => ({
        email: `compte-${randomUUID().slice(0, 8)}@test.iss.local`,
        displayName: 'Compte de contrôle',
        password: 'mot-de-passe-solide',
        roles: ['auditor'],
      }),
    }),
  };
  const opinion = (id: string, departmentCode: string) => ({
    method: 'POST',
    url: `/api/projects/${id}/opinions`,
    body: async () => ({ departmentCode, opinion: 'favorable', comment: 'Avis du département' }),
  });
  const actionSheet = (id: string, departmentCodes: string[]) => ({
    method: 'POST',
    url: `/api/local-health-contracts/${id}/actions`,
    body: async () => ({ title: 'Fiche action de contrôle', pilot: 'CCAS', departmentCodes }),
  });
  const roadmapMove = (year: string, body: object) => ({
    method: 'POST',
    url: `/api/roadmaps/${year}/transitions`,
    body: async () => body,
  });
  const report = (kind: string, params: object) => ({
    method: 'POST',
    url: '/api/reports',
    body: async () => ({ kind, params }),
  });

  beforeAll(async () => {
    stack = await Stack.start('access_matrix', { worker: false });
    for (const account of Object.keys(DEMO) as Account[]) tokens[account] = await login(stack, DEMO[account]);
    decisionId = await one('SELECT id FROM decision ORDER BY id LIMIT 1');
    const actionOf = (code: string) =>
      one(`SELECT action_id AS id FROM action_department GROUP BY action_id
           HAVING array_agg(department_code) = ARRAY['${code}'] ORDER BY action_id LIMIT 1`);
    const projectOf = (codes: string, status: string) =>
      one(`SELECT p.id FROM project p JOIN project_department d ON d.project_id = p.id WHERE p.status = '${status}'
           GROUP BY p.id HAVING array_agg(d.department_code ORDER BY d.department_code) = '${codes}'::text[]
           ORDER BY p.id LIMIT 1`);
    const contractOf = (code: string) =>
      one(`SELECT id FROM local_health_contract WHERE department_code = '${code}' ORDER BY id LIMIT 1`);
    Object.assign(fixtures, {
      'action of 31': await actionOf('31'),
      'action of 34': await actionOf('34'),
      'contract of 31': await contractOf('31'),
      'contract of 34': await contractOf('34'),
      'project of 31 under review': await projectOf('{31}', 'under_review'),
      'project of 34 under review': await projectOf('{34}', 'under_review'),
      'selected project without grant': await one(
        `SELECT id FROM project p WHERE status = 'selected' AND NOT EXISTS (SELECT 1 FROM "grant" g WHERE g.project_id = p.id)`,
      ),
      'grant with money left': await one(
        `SELECT g.id FROM "grant" g WHERE g.status = 'active' AND g.amount_cents >
           (SELECT coalesce(sum(amount_cents), 0) FROM payment WHERE grant_id = g.id) + 1000 ORDER BY g.id LIMIT 1`,
      ),
      'the 2021 call': await one(`SELECT id FROM call WHERE year = 2021`),
      'the 2022 roadmap (draft)': String(
        (await stack.db.query(`SELECT year FROM roadmap WHERE year = 2022 AND status = 'draft'`)).rows[0].year,
      ),
      'plenary (member sits)': await one(`SELECT id FROM body WHERE kind = 'plenary'`),
      'working group (member does not sit)': await one(
        `SELECT id FROM body WHERE kind = 'working_group' ORDER BY name LIMIT 1`,
      ),
      'plenary meeting, minutes published': await one(
        `SELECT m.id FROM meeting m JOIN body b ON b.id = m.body_id JOIN minutes n ON n.meeting_id = m.id
         WHERE b.kind = 'plenary' AND n.status = 'published'`,
      ),
      '—': '',
    });
    // A draft in the plenary and published minutes in a working group, written by the mission officer.
    const officer = as('officer');
    const draftMeeting = await one(
      `SELECT m.id FROM meeting m JOIN body b ON b.id = m.body_id WHERE b.kind = 'plenary' AND m.status = 'planned'`,
    );
    expect((await officer.send('PUT', `/api/meetings/${draftMeeting}/minutes`, { content: 'Projet.' })).status).toBe(
      200,
    );
    fixtures['plenary meeting, minutes draft'] = draftMeeting;
    const groupMeeting = await officer.send('POST', '/api/meetings', {
      bodyId: fixtures['working group (member does not sit)'],
      startsAt: '2026-03-10T09:00:00.000Z',
      agenda: [{ title: 'Feuille de route du groupe' }],
    });
    expect(groupMeeting.status).toBe(201);
    const groupMeetingId = groupMeeting.body.id as string;
    for (const [method, url, body] of [
      ['PUT', `/api/meetings/${groupMeetingId}/minutes`, { content: 'Relevé du groupe.' }],
      ['POST', `/api/meetings/${groupMeetingId}/minutes/approve`, undefined],
      ['POST', `/api/meetings/${groupMeetingId}/minutes/publish`, undefined],
    ] as const)
      expect((await officer.send(method, url, body)).status).toBe(200);
    fixtures['working group meeting, minutes published'] = groupMeetingId;
    const fundingReport = await as('auditor').send('POST', '/api/reports', {
      kind: 'funding',
      params: { callId: fixtures['the 2021 call'] },
    });
    expect(fundingReport.status).toBe(202);
    fixtures["the auditor's funding report"] = fundingReport.body.id;
    const verification = await as('auditor').send('POST', '/api/audit-events/verifications', undefined);
    expect(verification.status).toBe(202);
    fixtures["the auditor's verification run"] = verification.body.id;
  });
  afterAll(() => stack.stop());

  it('has a way to call every route of the table', () => {
    expect(MATRIX.filter(([, route]) => !ROUTES[route]).map(([, route]) => route)).toEqual([]);
  });

  it('shows members’ e-mails only to the admin, the delegate, the mission officer and the member itself', async () => {
    const email = `secretariat-${randomUUID().slice(0, 8)}@asso.example`;
    const created = await as('officer').send('POST', '/api/members', {
      displayName: 'Membre de contrôle',
      email,
      college: 'users',
      organization: 'Association de contrôle',
    });
    expect(created.body.email).toBe(email);
    const plenary = fixtures['plenary (member sits)'];
    const seat = { memberId: created.body.id, college: 'users', startsOn: '2024-01-01' };
    expect((await as('officer').send('POST', `/api/bodies/${plenary}/seats`, seat)).status).toBe(201);
    const { rows } = await stack.db.query(
      `UPDATE member SET email = 'membre.atd@asso.example' WHERE id = (SELECT member_id FROM app_user WHERE email = $1)
       RETURNING id`,
      [DEMO.member],
    );
    const reads = (account: Account) =>
      Promise.all(
        [`/api/members/${created.body.id}`, '/api/members?limit=200', `/api/bodies/${plenary}`].map((url) =>
          as(account).get(url),
        ),
      );
    for (const account of ['admin', 'delegate', 'officer'] as const) {
      const [one, list] = await reads(account);
      expect(one.body.email).toBe(email);
      expect(list.body.items).toContainEqual(expect.objectContaining({ id: created.body.id, email }));
    }
    for (const account of ['referent31', 'auditor'] as const) {
      const answers = await reads(account);
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(answers[0].body).toMatchObject({ id: created.body.id, email: null });
      expect(answers[1].body.items.filter((m: { email: string | null }) => m.email !== null)).toEqual([]);
      for (const r of answers) expect(JSON.stringify(r.body)).not.toMatch(/@asso\.example/);
    }
    const own = await as('member').get(`/api/members/${rows[0].id}`);
    expect(own.body.email).toBe('membre.atd@asso.example');
    expect((await as('member').get(`/api/members/${created.body.id}`)).status).toBe(403);
    expect(JSON.stringify((await as('member').get(`/api/bodies/${plenary}`)).body)).not.toMatch(/@asso\.example/);
  });

  it.each(MATRIX)('%s: %s on %s → %i', async (account, route, target, expected) => {
    const call = ROUTES[route](fixtures[target]);
    const body = call.body ? await call.body() : undefined;
    const res = await as(account).send(call.method, call.url, body);
    expect({ status: res.status, message: res.status === expected ? undefined : res.body }).toEqual({
      status: expected,
      message: undefined,
    });
  });
});
