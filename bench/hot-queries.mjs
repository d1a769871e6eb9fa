// The hot statements of GET /api/projects?departmentCode=, as the api's repositories send them
// (libs/identity/src/users.repository.ts findForToken, libs/calls/src/projects.repository.ts list), and
// those TypeORM builds for the entities the funding figures read (captured from the api's pg client):
// the baseline server runs them and api-overhead.mjs prints their plans. api-overhead.mjs checks that
// both servers answer the same bytes, so a drift between these copies and the api shows at once.
export const USER_SQL = `SELECT u.id, u.email, u.display_name AS "displayName", u.roles, u.member_id AS "memberId",
  u.disabled_at AS "disabledAt", u.sessions_valid_from AS "sessionsValidFrom",
  COALESCE((SELECT array_agg(d.department_code ORDER BY d.department_code) FROM user_department d
            WHERE d.user_id = u.id), '{}') AS "departmentCodes", EXISTS (SELECT 1 FROM revoked_token r WHERE r.jti = $2) AS revoked,
         (SELECT a.last_seen_at FROM session_activity a WHERE a.jti = $2) AS "lastSeenAt"
       FROM app_user u WHERE u.id = $1`;

const PROJECT_COLUMNS = `p.id, p.call_id AS "callId", p.axis_code AS "axisCode", p.title, p.summary,
  p.holder_name AS "holderName", p.holder_kind AS "holderKind", p.holder_siret AS "holderSiret",
  ARRAY(SELECT d.department_code FROM project_department d WHERE d.project_id = p.id ORDER BY d.department_code)
    AS "departmentCodes",
  p.target_publics AS "targetPublics", p.levers, p.requested_cents AS "requestedCents", p.participation, p.status, p.version,
  p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;
const BY_DEPARTMENT =
  'EXISTS (SELECT 1 FROM project_department d WHERE d.project_id = p.id AND d.department_code = $1)';
export const PAGE_SQL = `SELECT ${PROJECT_COLUMNS} FROM project p WHERE ${BY_DEPARTMENT}
  ORDER BY p.created_at DESC, p.id LIMIT $2 OFFSET $3`;
export const COUNT_SQL = 'SELECT count(*)::int AS n FROM project_department WHERE department_code = $1';

// What the api adds to each page of projects: its departments' latest opinions, and the weighted score
// (the calls' criteria and every reviewer's scores), as libs/calls' repositories ask for them.
export const OPINIONS_SQL = `SELECT DISTINCT ON (project_id, department_code) project_id AS "projectId",
  department_code AS "departmentCode", opinion
  FROM opinion WHERE project_id = ANY ($1::uuid[]) ORDER BY project_id, department_code, created_at DESC`;
export const CRITERIA_SQL =
  'SELECT call_id AS "callId", code, label, weight FROM call_criterion WHERE call_id = ANY ($1::uuid[]) ORDER BY position';
export const SCORES_SQL = `SELECT s.project_id AS "projectId", s.reviewer_id AS "reviewerId", u.display_name AS "reviewerName",
  s.criterion_code AS "criterionCode", s.score
  FROM project_score s LEFT JOIN app_user u ON u.id = s.reviewer_id
  WHERE s.project_id = ANY ($1::uuid[]) ORDER BY u.display_name, s.reviewer_id`;

// What TypeORM sends for the entity reads of the call funding and equity figures (CallsRepository find,
// axes and idsOfYear; TerritoryRepository departments): the baseline sends the same text.
export const CALL_SQL =
  'SELECT "CallEntity"."id" AS "CallEntity_id", "CallEntity"."title" AS "CallEntity_title", "CallEntity"."year" AS "CallEntity_year", "CallEntity"."funding_source" AS "CallEntity_funding_source", "CallEntity"."envelope_cents" AS "CallEntity_envelope_cents", "CallEntity"."opens_on" AS "CallEntity_opens_on", "CallEntity"."closes_on" AS "CallEntity_closes_on", "CallEntity"."status" AS "CallEntity_status", "CallEntity"."version" AS "CallEntity_version", "CallEntity"."created_at" AS "CallEntity_created_at" FROM "call" "CallEntity" WHERE (("CallEntity"."id" = $1)) LIMIT 1';
export const AXES_SQL =
  'SELECT "CallAxisEntity"."call_id" AS "CallAxisEntity_call_id", "CallAxisEntity"."code" AS "CallAxisEntity_code", "CallAxisEntity"."label" AS "CallAxisEntity_label", "CallAxisEntity"."envelope_cents" AS "CallAxisEntity_envelope_cents", "CallAxisEntity"."position" AS "CallAxisEntity_position" FROM "call_axis" "CallAxisEntity" WHERE (("CallAxisEntity"."call_id" = $1)) ORDER BY "CallAxisEntity"."position" ASC';
export const CALL_IDS_OF_YEAR_SQL =
  'SELECT "CallEntity"."id" AS "CallEntity_id" FROM "call" "CallEntity" WHERE (("CallEntity"."year" = $1)) ORDER BY "CallEntity"."created_at" ASC, "CallEntity_id" ASC';
export const DEPARTMENTS_SQL =
  'SELECT "DepartmentEntity"."code" AS "DepartmentEntity_code", "DepartmentEntity"."region_code" AS "DepartmentEntity_region_code", "DepartmentEntity"."name" AS "DepartmentEntity_name", "DepartmentEntity"."population" AS "DepartmentEntity_population" FROM "department" "DepartmentEntity" ORDER BY "DepartmentEntity"."code" ASC';
