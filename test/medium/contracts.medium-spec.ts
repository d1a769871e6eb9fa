import { AuditService } from '@app/audit';
import { ContractsErrorCode, ContractsModule, ContractsService, CreateContractDto } from '@app/contracts';
import type { Actor } from '@app/core';
import { TerritoryErrorCode } from '@app/territory';
import { Medium, mediumModule } from './support/medium-module';

/**
 * Local health contracts through the real ContractsService: its module as the api imports it (audit,
 * territory, roadmap and, through it, reports and the job queue), the repositories' SQL on a migrated
 * database with the reference communes, the app's runtime role.
 */
describe('contracts', () => {
  let medium: Medium;
  let contracts: ContractsService;
  let officer: Actor;
  let referent31: Actor;

  beforeAll(async () => {
    medium = await mediumModule([ContractsModule], { jobs: true });
    contracts = medium.get(ContractsService);
    officer = await medium.actors.missionOfficer();
    referent31 = await medium.actors.departmentalReferent('31');
  });

  let made = 0;
  /** A contract as the web app posts it; the communes' names and populations are the client's, ignored. */
  const contractIn = (
    departmentCode: string,
    inseeCodes: string[],
    fields: Partial<CreateContractDto> = {},
  ): CreateContractDto => ({
    name: `CLS de test ${departmentCode}-${++made}`,
    departmentCode,
    status: 'in_preparation',
    territories: inseeCodes.map((inseeCode) => ({ inseeCode, name: 'nom posté', population: 1 })),
    ...fields,
  });

  /** The reference population of these communes (the migration's official figures). */
  const populationOf = async (...inseeCodes: string[]): Promise<number> => {
    const [{ sum }] = await medium.db.manager.query(
      'SELECT sum(population)::int AS sum FROM commune WHERE insee_code = ANY ($1::text[])',
      [inseeCodes],
    );
    return sum;
  };

  const contractsNamed = async (name: string): Promise<number> => {
    const [{ n }] = await medium.db.manager.query(
      'SELECT count(*)::int AS n FROM local_health_contract WHERE name = $1',
      [name],
    );
    return n;
  };

  describe('create', () => {
    it('stores the reference names and populations of the communes, not the posted ones', async () => {
      const created = await contracts.create(officer, contractIn('31', ['31555', '31069']));

      expect(created).toMatchObject({ departmentCode: '31', status: 'in_preparation', version: 1 });
      expect(created.territories).toEqual([
        { inseeCode: '31069', name: 'Blagnac', population: await populationOf('31069') },
        { inseeCode: '31555', name: 'Toulouse', population: await populationOf('31555') },
      ]);
      expect(await contracts.get(officer, created.id)).toEqual(created);
    });

    it('adds the member communes of an EPCI named by its SIREN', async () => {
      const created = await contracts.create(officer, contractIn('12', [], { epciSirens: ['241200567'] }));

      expect(created.territories.map((t) => t.name)).toContain('Millau');
    });

    it('writes the audit event with the contract, by the actor', async () => {
      const created = await contracts.create(officer, contractIn('31', ['31149']));

      expect(await medium.auditEvents('local_health_contract', created.id)).toEqual([
        {
          action: 'local_health_contract.create',
          actorId: officer.id,
          before: null,
          after: expect.objectContaining({ id: created.id, territories: created.territories }),
        },
      ]);
    });

    it('leaves no contract behind when its audit event cannot be written (one transaction)', async () => {
      const audit = jest
        .spyOn(medium.get(AuditService), 'record')
        .mockRejectedValueOnce(new Error('audit trail unavailable'));
      const input = contractIn('31', ['31149']);

      await expect(contracts.create(officer, input)).rejects.toThrow('audit trail unavailable');

      expect(audit).toHaveBeenCalledTimes(1);
      expect(await contractsNamed(input.name)).toBe(0);
    });

    it('refuses an INSEE code that is not a commune of Occitanie, naming it, and writes nothing', async () => {
      const input = contractIn('31', ['31555', '75056']);

      await expect(contracts.create(officer, input)).rejects.toMatchObject({
        kind: 'invalid',
        code: TerritoryErrorCode.TerritoryUnknownCommune,
        message: expect.stringContaining('75056'),
      });
      expect(await contractsNamed(input.name)).toBe(0);
    });

    it('refuses a commune listed twice and an end before the signature', async () => {
      await expect(contracts.create(officer, contractIn('31', ['31555', '31555']))).rejects.toMatchObject({
        kind: 'invalid',
        code: ContractsErrorCode.ContractTerritoryRepeated,
      });
      await expect(
        contracts.create(officer, contractIn('31', ['31555'], { signedOn: '2026-03-01', endsOn: '2025-03-01' })),
      ).rejects.toMatchObject({ kind: 'invalid', code: ContractsErrorCode.ContractDates });
    });
  });

  describe('a departmental referent works in its own departments only', () => {
    it('creates a contract of its department', async () => {
      const created = await contracts.create(referent31, contractIn('31', ['31555']));

      expect(created.departmentCode).toBe('31');
      expect((await medium.auditEvents('local_health_contract', created.id))[0].actorId).toBe(referent31.id);
    });

    it("is refused another department's contract, or communes of another department in its own", async () => {
      const elsewhere = contractIn('34', ['34172']);
      const foreignCommune = contractIn('31', ['31555', '34172']);

      await expect(contracts.create(referent31, elsewhere)).rejects.toMatchObject({ kind: 'forbidden' });
      await expect(contracts.create(referent31, foreignCommune)).rejects.toMatchObject({
        kind: 'forbidden',
        message: expect.stringContaining('34'),
      });
      expect(await contractsNamed(elsewhere.name)).toBe(0);
      expect(await contractsNamed(foreignCommune.name)).toBe(0);
    });

    it("cannot change another department's contract nor add action sheets to it", async () => {
      const montpellier = await contracts.create(officer, contractIn('34', ['34172']));

      await expect(contracts.update(referent31, montpellier.id, { version: 1, name: 'Repris' })).rejects.toMatchObject({
        kind: 'forbidden',
      });
      await expect(
        contracts.addActionSheet(referent31, montpellier.id, { title: 'Fiche', pilot: 'Mairie', departmentCodes: [] }),
      ).rejects.toMatchObject({ kind: 'forbidden' });
      expect(await contracts.get(officer, montpellier.id)).toEqual(montpellier);
    });

    it("adds an action sheet to its own contract, in the contract's department by default", async () => {
      const toulouse = await contracts.create(referent31, contractIn('31', ['31555']));

      const sheet = await contracts.addActionSheet(referent31, toulouse.id, {
        title: 'Aller vers les quartiers prioritaires',
        pilot: 'CCAS de Toulouse',
        departmentCodes: [],
      });

      expect(sheet).toMatchObject({ contractId: toulouse.id, year: null, axisCode: null, departmentCodes: ['31'] });
      expect((await contracts.actionSheets(referent31, toulouse.id, { limit: 10, offset: 0 })).items).toEqual([sheet]);
    });
  });

  describe('update', () => {
    it('changes the contract at the version read and records before and after', async () => {
      const created = await contracts.create(officer, contractIn('09', ['09122']));

      const updated = await contracts.update(officer, created.id, {
        version: 1,
        status: 'signed',
        signedOn: '2026-01-15',
      });

      expect(updated).toMatchObject({ status: 'signed', signedOn: '2026-01-15', version: 2 });
      const [, update] = await medium.auditEvents('local_health_contract', created.id);
      expect(update).toMatchObject({
        action: 'local_health_contract.update',
        before: expect.objectContaining({ status: 'in_preparation', version: 1 }),
        after: expect.objectContaining({ status: 'signed', version: 2 }),
      });
    });

    it('refuses a stale version with a conflict and keeps the first change only', async () => {
      const created = await contracts.create(officer, contractIn('09', ['09122']));
      await contracts.update(officer, created.id, { version: 1, name: 'Premier arrivé' });

      await expect(contracts.update(officer, created.id, { version: 1, name: 'Second' })).rejects.toMatchObject({
        kind: 'conflict',
        code: ContractsErrorCode.LocalHealthContractStaleVersion,
      });

      expect(await contracts.get(officer, created.id)).toMatchObject({ name: 'Premier arrivé', version: 2 });
      expect((await medium.auditEvents('local_health_contract', created.id)).map((e) => e.action)).toEqual([
        'local_health_contract.create',
        'local_health_contract.update',
      ]);
    });
  });

  describe('list', () => {
    it("pages a department's contracts by name, with their communes counted and populations summed", async () => {
      const cahors = await contracts.create(
        officer,
        contractIn('46', ['46042', '46102'], { name: 'CLS du Grand Cahors' }),
      );
      const figeac = await contracts.create(
        officer,
        contractIn('46', ['46102'], { name: 'CLS de Figeac', status: 'signed' }),
      );

      const firstPage = await contracts.list(officer, { departmentCode: '46', limit: 1, offset: 0 });
      const secondPage = await contracts.list(officer, { departmentCode: '46', limit: 1, offset: 1 });

      expect(firstPage.total).toBe(2);
      expect(firstPage.items).toEqual([
        expect.objectContaining({ id: figeac.id, communes: 1, population: await populationOf('46102') }),
      ]);
      expect(secondPage.items).toEqual([
        expect.objectContaining({ id: cahors.id, communes: 2, population: await populationOf('46042', '46102') }),
      ]);
      const signed = await contracts.list(officer, { departmentCode: '46', status: 'signed', limit: 10, offset: 0 });
      expect(signed.items.map((c) => c.name)).toEqual(['CLS de Figeac']);
    });
  });

  describe('coverage', () => {
    // The file's tests share its database: these communes are this test's alone, and it counts differences.
    it('counts each commune of the signed contracts once, and those in preparation apart', async () => {
      const before = await contracts.coverage(officer);
      const tarbes = await populationOf('65440');
      const lourdes = await populationOf('65286');
      const auch = await populationOf('32013');

      await contracts.create(officer, contractIn('65', ['65440'], { status: 'signed' }));
      await contracts.create(officer, contractIn('65', ['65440', '65286'], { status: 'signed' }));
      await contracts.create(officer, contractIn('32', ['32013']));
      const after = await contracts.coverage(officer);

      expect(after.signed - before.signed).toBe(2);
      expect(after.inPreparation - before.inPreparation).toBe(1);
      expect(after.coveredPopulation - before.coveredPopulation).toBe(tarbes + lourdes);
      expect(after.includingInPreparation.coveredPopulation - before.includingInPreparation.coveredPopulation).toBe(
        tarbes + lourdes + auch,
      );
      const covered65 = (coverage: typeof after) =>
        coverage.byDepartment.find((d) => d.code === '65')!.coveredPopulation;
      expect(covered65(after) - covered65(before)).toBe(tarbes + lourdes);
    });
  });

  describe('who reads', () => {
    it('lets the auditor read but not write', async () => {
      const auditor = await medium.actors.auditor();

      await expect(contracts.list(auditor, { limit: 1, offset: 0 })).resolves.toMatchObject({
        total: expect.any(Number),
      });
      await expect(contracts.create(auditor, contractIn('31', ['31555']))).rejects.toMatchObject({ kind: 'forbidden' });
    });

    it('refuses commission members every read and write of contracts', async () => {
      const member = await medium.actors.commissionMember();
      const { id } = await contracts.create(officer, contractIn('31', ['31555']));

      for (const call of [
        () => contracts.list(member, { limit: 10, offset: 0 }),
        () => contracts.get(member, id),
        () => contracts.coverage(member),
        () => contracts.actionSheets(member, id, { limit: 10, offset: 0 }),
        () => contracts.create(member, contractIn('31', ['31555'])),
      ]) {
        await expect(call()).rejects.toMatchObject({ kind: 'forbidden' });
      }
    });

    it('answers not found for an unknown contract', async () => {
      await expect(contracts.get(officer, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
        kind: 'not_found',
        code: ContractsErrorCode.LocalHealthContractNotFound,
      });
    });
  });
});
