import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Occitanie's departments, communes and EPCIs, read from @etalab/decoupage-administratif
 * (official data, pinned in package.json) rather than typed by hand. Department and region
 * populations are the sums of their current communes' municipal populations, so that every
 * coverage rate computed later reconciles with the commune table.
 */
const REGION_CODE = '76';

interface EtalabCommune {
  code: string;
  nom: string;
  type: string;
  region?: string;
  departement?: string;
  population?: number;
}
interface EtalabDepartment {
  code: string;
  nom: string;
  region: string;
}
interface EtalabRegion {
  code: string;
  nom: string;
}
interface EtalabEpci {
  code: string;
  nom: string;
  type: string;
  membres: { code: string }[];
}

function load<T>(file: string): T[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(`@etalab/decoupage-administratif/data/${file}.json`) as T[];
}

export class OccitanieReferenceData1764000000100 implements MigrationInterface {
  name = 'OccitanieReferenceData1764000000100';

  async up(q: QueryRunner): Promise<void> {
    const region = load<EtalabRegion>('regions').find((r) => r.code === REGION_CODE);
    if (!region) throw new Error(`Region ${REGION_CODE} missing from @etalab/decoupage-administratif`);
    const departments = load<EtalabDepartment>('departements').filter((d) => d.region === REGION_CODE);
    const communes = load<EtalabCommune>('communes').filter(
      (c) => c.region === REGION_CODE && c.type === 'commune-actuelle',
    );
    const populationOf = (dep: string) =>
      communes.filter((c) => c.departement === dep).reduce((sum, c) => sum + (c.population ?? 0), 0);

    await q.query(`INSERT INTO region (code, name, population) VALUES ($1, $2, $3)`, [
      region.code,
      region.nom,
      communes.reduce((sum, c) => sum + (c.population ?? 0), 0),
    ]);
    for (const d of departments) {
      await q.query(`INSERT INTO department (code, region_code, name, population) VALUES ($1, $2, $3, $4)`, [
        d.code,
        REGION_CODE,
        d.nom,
        populationOf(d.code),
      ]);
    }
    await q.query(
      `INSERT INTO commune (insee_code, department_code, name, population)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[])`,
      [
        communes.map((c) => c.code),
        communes.map((c) => c.departement),
        communes.map((c) => c.nom),
        communes.map((c) => c.population ?? 0),
      ],
    );

    const inRegion = new Set(communes.map((c) => c.code));
    const epcis = load<EtalabEpci>('epci').filter((e) => e.membres.some((m) => inRegion.has(m.code)));
    await q.query(`INSERT INTO epci (siren, name, kind) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`, [
      epcis.map((e) => e.code),
      epcis.map((e) => e.nom),
      epcis.map((e) => e.type),
    ]);
    const members = epcis.flatMap((e) => e.membres.filter((m) => inRegion.has(m.code)).map((m) => [e.code, m.code]));
    await q.query(`INSERT INTO epci_member (epci_siren, insee_code) SELECT * FROM unnest($1::text[], $2::text[])`, [
      members.map((m) => m[0]),
      members.map((m) => m[1]),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM epci_member; DELETE FROM epci; DELETE FROM commune; DELETE FROM department; DELETE FROM region;`,
    );
  }
}
