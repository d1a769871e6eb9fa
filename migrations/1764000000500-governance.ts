import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The regional commission: bodies, members (colleges), seats and their mandates (history kept),
 * positions, meetings with agenda, attendance, decisions and minutes.
 */
export class Governance1764000000500 implements MigrationInterface {
  name = 'Governance1764000000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE body (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('plenary','bureau','working_group','scientific_committee')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        installed_on date,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','dissolved')),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
        email text CHECK (email IS NULL OR email = lower(email)),
        organization text NOT NULL,
        college text NOT NULL CHECK (college IN ('health_actors','users','elected','institutional','qualified_person')),
        designating_body text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      ALTER TABLE app_user ADD CONSTRAINT app_user_member_id_fkey FOREIGN KEY (member_id) REFERENCES member (id);

      -- A seat is a place in a body for a college; who holds it is a mandate, so ending one keeps history.
      CREATE TABLE seat (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        body_id uuid NOT NULL REFERENCES body (id),
        college text NOT NULL CHECK (college IN ('health_actors','users','elected','institutional','qualified_person')),
        label text,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX seat_body_id_idx ON seat (body_id);

      CREATE TABLE mandate (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seat_id uuid NOT NULL REFERENCES seat (id),
        member_id uuid NOT NULL REFERENCES member (id),
        alternate_member_id uuid REFERENCES member (id),
        starts_on date NOT NULL,
        ends_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on IS NULL OR ends_on >= starts_on),
        CHECK (alternate_member_id IS NULL OR alternate_member_id <> member_id)
      );
      CREATE INDEX mandate_seat_id_idx ON mandate (seat_id, starts_on);
      CREATE INDEX mandate_member_id_idx ON mandate (member_id);
      CREATE INDEX mandate_alternate_member_id_idx ON mandate (alternate_member_id);

      CREATE TABLE body_position (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        body_id uuid NOT NULL REFERENCES body (id),
        member_id uuid NOT NULL REFERENCES member (id),
        role text NOT NULL CHECK (role IN ('president','vice_president','secretary')),
        starts_on date NOT NULL,
        ends_on date,
        CHECK (ends_on IS NULL OR ends_on >= starts_on)
      );
      CREATE INDEX body_position_body_id_idx ON body_position (body_id);

      CREATE TABLE meeting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        body_id uuid NOT NULL REFERENCES body (id),
        starts_at timestamptz NOT NULL,
        place text,
        video_url text,
        status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','held','closed')),
        seats_total integer,
        seats_present integer,
        quorum_reached boolean,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (seats_present IS NULL OR seats_present BETWEEN 0 AND seats_total)
      );
      CREATE INDEX meeting_body_id_idx ON meeting (body_id, starts_at DESC);

      CREATE TABLE agenda_item (
        meeting_id uuid NOT NULL REFERENCES meeting (id),
        position integer NOT NULL CHECK (position > 0),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
        PRIMARY KEY (meeting_id, position)
      );

      CREATE TABLE attendance (
        meeting_id uuid NOT NULL REFERENCES meeting (id),
        member_id uuid NOT NULL REFERENCES member (id),
        status text NOT NULL CHECK (status IN ('present','represented','excused','absent')),
        PRIMARY KEY (meeting_id, member_id)
      );

      CREATE TABLE decision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meeting (id),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
        text text,
        votes_for integer NOT NULL CHECK (votes_for >= 0),
        votes_against integer NOT NULL CHECK (votes_against >= 0),
        abstentions integer NOT NULL CHECK (abstentions >= 0),
        subject_type text,
        subject_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((subject_type IS NULL) = (subject_id IS NULL))
      );
      CREATE INDEX decision_meeting_id_idx ON decision (meeting_id);
      CREATE INDEX decision_subject_idx ON decision (subject_type, subject_id);

      CREATE TABLE minutes (
        meeting_id uuid PRIMARY KEY REFERENCES meeting (id),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','approved','published')),
        content text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        approved_at timestamptz,
        published_at timestamptz
      );

      ALTER TABLE report DROP CONSTRAINT report_kind_check;
      ALTER TABLE report ADD CONSTRAINT report_kind_check
        CHECK (kind IN ('roadmap','funding','minutes','directory','notice','attendance_sheet'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM report WHERE kind IN ('notice','attendance_sheet');
      ALTER TABLE report DROP CONSTRAINT report_kind_check;
      ALTER TABLE report ADD CONSTRAINT report_kind_check CHECK (kind IN ('roadmap','funding','minutes','directory'));
      DROP TABLE minutes; DROP TABLE decision; DROP TABLE attendance; DROP TABLE agenda_item; DROP TABLE meeting;
      DROP TABLE body_position; DROP TABLE mandate; DROP TABLE seat;
      ALTER TABLE app_user DROP CONSTRAINT app_user_member_id_fkey;
      DROP TABLE member; DROP TABLE body;
    `);
  }
}
