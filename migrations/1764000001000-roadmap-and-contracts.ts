import { MigrationInterface, QueryRunner } from 'typeorm';

/** The yearly roadmap (axes, actions, indicators, referents' updates) and local health contracts. */
export class RoadmapAndContracts1764000001000 implements MigrationInterface {
  name = 'RoadmapAndContracts1764000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE roadmap (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year integer NOT NULL UNIQUE CHECK (year BETWEEN 2000 AND 2100),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted','validated')),
        validated_by_decision_id uuid REFERENCES decision (id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE roadmap_axis (
        roadmap_id uuid NOT NULL REFERENCES roadmap (id),
        code text NOT NULL CHECK (code ~ '^[A-Za-z0-9_-]{1,20}$'),
        label text NOT NULL,
        description text,
        internal boolean NOT NULL DEFAULT false,
        position integer NOT NULL,
        PRIMARY KEY (roadmap_id, code)
      );

      CREATE TABLE action (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        roadmap_id uuid NOT NULL,
        axis_code text NOT NULL,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        description text,
        pilot text NOT NULL,
        target_publics text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','in_progress','done','blocked')),
        progress_percent integer NOT NULL DEFAULT 0 CHECK (progress_percent BETWEEN 0 AND 100),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (roadmap_id, axis_code) REFERENCES roadmap_axis (roadmap_id, code)
      );
      CREATE INDEX action_roadmap_idx ON action (roadmap_id, axis_code);

      -- No row: a region-wide action (updated by the mission, not by referents).
      CREATE TABLE action_department (
        action_id uuid NOT NULL REFERENCES action (id),
        department_code text NOT NULL REFERENCES department (code),
        PRIMARY KEY (action_id, department_code)
      );
      CREATE INDEX action_department_department_idx ON action_department (department_code, action_id);

      CREATE TABLE indicator (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        action_id uuid NOT NULL REFERENCES action (id),
        position integer NOT NULL,
        label text NOT NULL,
        baseline numeric,
        target numeric,
        latest_value numeric,
        latest_on date
      );
      CREATE INDEX indicator_action_idx ON indicator (action_id, position);

      -- Every accepted update, with what it changed: the history referents and the mission read.
      CREATE TABLE action_update (
        id bigserial PRIMARY KEY,
        action_id uuid NOT NULL REFERENCES action (id),
        actor_id uuid REFERENCES app_user (id),
        at timestamptz NOT NULL DEFAULT now(),
        changes jsonb NOT NULL,
        comment text
      );
      CREATE INDEX action_update_action_idx ON action_update (action_id, id DESC);

      CREATE TABLE local_health_contract (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
        department_code text NOT NULL REFERENCES department (code),
        status text NOT NULL CHECK (status IN ('in_preparation','signed','renewal','expired')),
        signed_on date,
        ends_on date,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on IS NULL OR signed_on IS NULL OR ends_on >= signed_on)
      );
      CREATE INDEX local_health_contract_department_idx ON local_health_contract (department_code, status);

      CREATE TABLE contract_territory (
        contract_id uuid NOT NULL REFERENCES local_health_contract (id),
        insee_code text NOT NULL CHECK (insee_code ~ '^[0-9][0-9AB][0-9]{3}$'),
        name text NOT NULL,
        population integer NOT NULL CHECK (population >= 0),
        PRIMARY KEY (contract_id, insee_code)
      );
      CREATE INDEX contract_territory_insee_idx ON contract_territory (insee_code);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE contract_territory; DROP TABLE local_health_contract; DROP TABLE action_update; DROP TABLE indicator;
      DROP TABLE action_department; DROP TABLE action; DROP TABLE roadmap_axis; DROP TABLE roadmap;
    `);
  }
}
