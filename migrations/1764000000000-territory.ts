import { MigrationInterface, QueryRunner } from 'typeorm';

export class Territory1764000000000 implements MigrationInterface {
  name = 'Territory1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE region (
        code text PRIMARY KEY CHECK (code ~ '^[0-9]{2}$'),
        name text NOT NULL,
        population integer NOT NULL CHECK (population >= 0)
      );
      CREATE TABLE department (
        code text PRIMARY KEY CHECK (code ~ '^[0-9]{2}$|^2[AB]$|^97[1-6]$'),
        region_code text NOT NULL REFERENCES region (code),
        name text NOT NULL,
        population integer NOT NULL CHECK (population >= 0)
      );
      CREATE TABLE commune (
        insee_code text PRIMARY KEY CHECK (insee_code ~ '^[0-9][0-9AB][0-9]{3}$'),
        department_code text NOT NULL REFERENCES department (code),
        name text NOT NULL,
        population integer NOT NULL CHECK (population >= 0)
      );
      CREATE INDEX commune_department_code_idx ON commune (department_code);
      CREATE TABLE epci (
        siren text PRIMARY KEY CHECK (siren ~ '^[0-9]{9}$'),
        name text NOT NULL,
        kind text NOT NULL
      );
      CREATE TABLE epci_member (
        epci_siren text NOT NULL REFERENCES epci (siren) ON DELETE CASCADE,
        insee_code text NOT NULL REFERENCES commune (insee_code),
        PRIMARY KEY (epci_siren, insee_code)
      );
      CREATE INDEX epci_member_insee_code_idx ON epci_member (insee_code);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE epci_member; DROP TABLE epci; DROP TABLE commune; DROP TABLE department; DROP TABLE region;`,
    );
  }
}
