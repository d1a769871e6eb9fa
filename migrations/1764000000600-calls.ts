import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calls for interest (AMI), their axes and envelopes, projects and their instruction, grants and
 * payments. Amounts are bigint cents; the database refuses negative amounts, and the services hold
 * the envelope and grant ceilings under row locks.
 */
export class Calls1764000000600 implements MigrationInterface {
  name = 'Calls1764000000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE call (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        funding_source text NOT NULL,
        envelope_cents bigint NOT NULL CHECK (envelope_cents >= 0),
        opens_on date NOT NULL,
        closes_on date NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('draft','open','closed','decided')),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (closes_on >= opens_on)
      );

      CREATE TABLE call_axis (
        call_id uuid NOT NULL REFERENCES call (id),
        code text NOT NULL CHECK (code ~ '^[A-Za-z0-9_-]{1,20}$'),
        label text NOT NULL,
        envelope_cents bigint CHECK (envelope_cents >= 0),
        position integer NOT NULL,
        PRIMARY KEY (call_id, code)
      );

      CREATE TABLE project (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        call_id uuid NOT NULL REFERENCES call (id),
        axis_code text NOT NULL,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        summary text,
        holder_name text NOT NULL,
        holder_kind text NOT NULL,
        holder_siret text CHECK (holder_siret IS NULL OR holder_siret ~ '^[0-9]{14}$'),
        target_publics text[] NOT NULL DEFAULT '{}',
        levers integer[] NOT NULL DEFAULT '{}' CHECK (levers <@ ARRAY[1,2,3]),
        requested_cents bigint NOT NULL CHECK (requested_cents >= 0),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted','under_review','returned_for_changes',
          'selected','rejected','withdrawn','agreement_signed','in_progress','closed')),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (call_id, axis_code) REFERENCES call_axis (call_id, code)
      );
      CREATE INDEX project_call_status_idx ON project (call_id, status);
      CREATE INDEX project_status_idx ON project (status, created_at DESC);

      -- Departments of intervention; share_bp (basis points) splits a grant, equal shares when null.
      CREATE TABLE project_department (
        project_id uuid NOT NULL REFERENCES project (id),
        department_code text NOT NULL REFERENCES department (code),
        share_bp integer CHECK (share_bp BETWEEN 0 AND 10000),
        PRIMARY KEY (project_id, department_code)
      );
      CREATE INDEX project_department_department_code_idx ON project_department (department_code, project_id);

      CREATE TABLE project_commune (
        project_id uuid NOT NULL REFERENCES project (id),
        insee_code text NOT NULL REFERENCES commune (insee_code),
        PRIMARY KEY (project_id, insee_code)
      );

      CREATE TABLE project_transition (
        id bigserial PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES project (id),
        from_status text NOT NULL,
        to_status text NOT NULL,
        comment text,
        actor_id uuid REFERENCES app_user (id),
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX project_transition_project_idx ON project_transition (project_id, id);

      CREATE TABLE opinion (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES project (id),
        department_code text NOT NULL REFERENCES department (code),
        opinion text NOT NULL CHECK (opinion IN ('favorable','reserved','unfavorable')),
        comment text NOT NULL,
        author_id uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX opinion_project_idx ON opinion (project_id, created_at);

      CREATE TABLE "grant" (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL UNIQUE REFERENCES project (id),
        call_id uuid NOT NULL REFERENCES call (id),
        axis_code text NOT NULL,
        amount_cents bigint NOT NULL CHECK (amount_cents > 0),
        legal_commitment_number text,
        agreement_signed_on date,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (call_id, axis_code) REFERENCES call_axis (call_id, code)
      );
      CREATE INDEX grant_call_idx ON "grant" (call_id, axis_code);

      CREATE TABLE payment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        grant_id uuid NOT NULL REFERENCES "grant" (id),
        amount_cents bigint NOT NULL CHECK (amount_cents > 0),
        kind text NOT NULL CHECK (kind IN ('advance','installment','balance')),
        paid_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX payment_grant_idx ON payment (grant_id, paid_on);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE payment; DROP TABLE "grant"; DROP TABLE opinion; DROP TABLE project_transition;
      DROP TABLE project_commune; DROP TABLE project_department; DROP TABLE project; DROP TABLE call_axis; DROP TABLE call;
    `);
  }
}
