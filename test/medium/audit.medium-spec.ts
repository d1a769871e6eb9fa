import { createHash, randomUUID } from 'node:crypto';
import { AuditModule, AuditSealService, AuditService } from '@app/audit';
import type { Actor, Role } from '@app/core';
import { SYSTEM_ACTOR } from '@app/core';
import { Medium, mediumModule } from './support/medium-module';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The audit trail through the real AuditService and AuditSealService: one hash chain appended in the
 * writers' transactions, read by the roles of its policy with what each may see, verified and sealed.
 */
describe('audit', () => {
  let medium: Medium;
  let audit: AuditService;
  let seals: AuditSealService;
  let officer: Actor;
  const readers: Partial<Record<Role, Actor>> = {};

  beforeAll(async () => {
    medium = await mediumModule([AuditModule]);
    audit = medium.get(AuditService);
    seals = medium.get(AuditSealService);
    officer = await medium.actors.missionOfficer();
    for (const role of ['admin', 'regional_delegate', 'auditor'] as const)
      readers[role] = await medium.actors.create([role]);
  });

  let made = 0;
  /** A row written in the transaction, so that a test can tell whether it committed. */
  const insertMember = async (tx: { query: (sql: string, params: unknown[]) => Promise<{ id: string }[]> }) => {
    const [row] = await tx.query(
      `INSERT INTO member (display_name, organization, college, email) VALUES ($1, 'Organisme', 'health_actors', $2) RETURNING id`,
      [`Membre audité ${++made}`, `membre-${made}@exemple.fr`],
    );
    return row.id;
  };
  const memberExists = async (id: string) =>
    (await medium.db.manager.query('SELECT 1 FROM member WHERE id = $1', [id])).length > 0;

  describe('AuditService.write: the writes and their events in one transaction', () => {
    it('appends the events last, by the actor, and returns the result', async () => {
      const id = await audit.write(officer, async (tx) => {
        const created = await insertMember(tx);
        return {
          result: created,
          audit: [
            { action: 'member.create', entityType: 'member', entityId: created, after: { displayName: 'x' } },
            { action: 'member.check', entityType: 'member', entityId: created },
          ],
        };
      });

      expect(await memberExists(id)).toBe(true);
      expect(await medium.auditEvents('member', id)).toEqual([
        { action: 'member.create', actorId: officer.id, before: null, after: { displayName: 'x' } },
        { action: 'member.check', actorId: officer.id, before: null, after: null },
      ]);
    });

    it('writes no event for an empty list', async () => {
      const id = await audit.write(officer, async (tx) => ({ result: await insertMember(tx), audit: [] }));

      expect(await memberExists(id)).toBe(true);
      expect(await medium.auditEvents('member', id)).toEqual([]);
    });

    it('rolls the writes back when the work fails, or when the event cannot be appended', async () => {
      let written = '';
      await expect(
        audit.write(officer, async (tx) => {
          written = await insertMember(tx);
          throw new Error('refused halfway');
        }),
      ).rejects.toThrow('refused halfway');
      expect(await memberExists(written)).toBe(false);

      jest.spyOn(audit, 'record').mockRejectedValueOnce(new Error('audit trail unavailable'));
      await expect(
        audit.write(officer, async (tx) => {
          written = await insertMember(tx);
          return { result: written, audit: { action: 'member.create', entityType: 'member', entityId: written } };
        }),
      ).rejects.toThrow('audit trail unavailable');
      expect(await memberExists(written)).toBe(false);
    });

    it('never stores a secret, at any depth', async () => {
      const id = await audit.write(SYSTEM_ACTOR, async () => ({
        result: 'secret-test',
        audit: {
          action: 'user.test',
          entityType: 'user',
          entityId: 'secret-test',
          after: { password: 'hunter2', nested: [{ accessToken: 'abc', kept: 1 }] },
        },
      }));

      expect(await medium.auditEvents('user', id)).toEqual([
        {
          action: 'user.test',
          actorId: null,
          before: null,
          after: { password: '[secret]', nested: [{ accessToken: '[secret]', kept: 1 }] },
        },
      ]);
    });
  });

  describe('reading the trail', () => {
    let memberId: string;

    beforeAll(async () => {
      memberId = await audit.write(officer, async (tx) => {
        const id = await insertMember(tx);
        return {
          result: id,
          audit: { action: 'member.create', entityType: 'member', entityId: id, after: { email: 'privé@exemple.fr' } },
        };
      });
    });

    it('is for the admin, the regional delegate and the auditor only', async () => {
      for (const reader of Object.values(readers)) {
        const page = await audit.list(reader!, { entityType: 'member', entityId: memberId, limit: 10, offset: 0 });
        expect(page.total).toBe(1);
        expect(page.items[0]).toMatchObject({ action: 'member.create', actorId: officer.id, entityId: memberId });
      }
      for (const actor of [
        officer,
        await medium.actors.departmentalReferent('31'),
        await medium.actors.commissionMember(),
      ]) {
        await expect(audit.list(actor, { limit: 10, offset: 0 })).rejects.toMatchObject({ kind: 'forbidden' });
      }
    });

    it('shows members’ e-mails to the commission’s team, and their digest to the auditor', async () => {
      const read = async (actor: Actor) =>
        (await audit.list(actor, { entityType: 'member', entityId: memberId, limit: 1, offset: 0 })).items[0].after;

      expect(await read(readers.regional_delegate!)).toEqual({ email: 'privé@exemple.fr' });
      expect(await read(readers.admin!)).toEqual({ email: 'privé@exemple.fr' });
      expect(await read(readers.auditor!)).toEqual({ emailSha256: sha256('privé@exemple.fr') });
    });
  });

  describe('searching the trail by what a person knows', () => {
    const project = randomUUID();
    const grant = randomUUID();
    const payment = randomUUID();
    const other = randomUUID();
    let clerk: Actor;
    const event = (action: string, entityType: string, entityId: string, after: unknown) => ({
      action,
      entityType,
      entityId,
      after,
    });

    beforeAll(async () => {
      clerk = await medium.actors.create(['mission_officer'], { displayName: 'Bérénice Comptable' });
      await audit.write(clerk, async () => ({
        result: null,
        audit: [
          event('project.create', 'project', project, { title: 'Camion santé des Causses', requestedCents: 1_000 }),
          event('project.create', 'project', other, { title: 'Maraude urbaine' }),
          event('grant.create', 'grant', grant, { projectId: project, amountCents: 900 }),
          event('payment.create', 'payment', payment, { grantId: grant, amountCents: 300, kind: 'advance' }),
        ],
      }));
    });

    const search = (query: object, reader = readers.auditor!) =>
      audit.list(reader, { limit: 50, offset: 0, ...query }).then((page) => ({
        total: page.total,
        ids: page.items.map((e) => e.entityId),
        page,
      }));

    it('finds a project by part of its title, case aside, with its grant and the grant’s payments', async () => {
      const found = await search({ q: 'camion SANTÉ des' });
      expect(found.ids).toEqual([payment, grant, project]);
      expect(found.total).toBe(3);
      expect((await search({ q: 'Maraude' })).ids).toEqual([other]);
      expect((await search({ q: '100%_' })).total).toBe(0);
    });

    it('names who acted and their roles, and finds events by part of that name', async () => {
      const found = await search({ actor: 'bérénice', action: 'grant.create' });
      expect(found.ids).toEqual([grant]);
      expect(found.page.items[0]).toMatchObject({ actorName: 'Bérénice Comptable', actorRoles: ['mission_officer'] });
      expect((await search({ actor: 'personne de ce nom' })).total).toBe(0);
    });

    it('keeps the events of the given days, in Paris time', async () => {
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
      expect((await search({ q: 'Camion santé', from: today, to: today })).total).toBe(3);
      expect((await search({ q: 'Camion santé', to: '2020-12-31' })).total).toBe(0);
      expect((await search({ q: 'Camion santé', from: '2999-01-01' })).total).toBe(0);
    });

    it('exports the filtered trail as CSV in words for its readers, and refuses the others before reading', async () => {
      const text = await new Promise<string>((resolve, reject) => {
        const chunks: string[] = [];
        audit
          .exportCsv(readers.regional_delegate!, { q: 'Camion santé' })
          .on('data', (c: string | Buffer) => chunks.push(String(c)))
          .on('end', () => resolve(chunks.join('')))
          .on('error', reject);
      });
      const lines = text.split('\r\n');
      expect(lines[0]).toBe('\uFEFFDate;Action;Objet;Identifiant;Auteur;Rôles;Modifications;Avant;Après');
      expect(lines.slice(1, -1).map((l) => l.split(';').slice(1, 6))).toEqual([
        ['Versement', 'Versement', payment, 'Bérénice Comptable', 'Chargé(e) de mission ISS'],
        ['Attribution de la subvention', 'Subvention', grant, 'Bérénice Comptable', 'Chargé(e) de mission ISS'],
        ['Création du projet', 'Projet', project, 'Bérénice Comptable', 'Chargé(e) de mission ISS'],
      ]);
      expect(lines[1]).toMatch(/Nature : Avance/);
      expect(lines[1]).toMatch(/Montant : 3,00\s€/);
      expect(() => audit.exportCsv(officer, {})).toThrow(expect.objectContaining({ kind: 'forbidden' }));
    });
  });

  describe('verifying and sealing', () => {
    it('walks the chain for the admin and the auditor, not the delegate', async () => {
      for (const actor of [readers.admin!, readers.auditor!]) {
        expect(await audit.verify(actor)).toMatchObject({ ok: true, firstBrokenId: null, brokenSeals: [] });
      }
      await expect(audit.verify(readers.regional_delegate!)).rejects.toMatchObject({ kind: 'forbidden' });
    });

    it('seals the head on demand, the seal covering its own request', async () => {
      const seal = await seals.seal(readers.auditor!);

      const [event] = await medium.auditEvents('audit_seal', String(seal.id));
      expect(event).toMatchObject({ action: 'audit.seal', actorId: readers.auditor!.id });
      const [head] = await medium.db.manager.query('SELECT max(id)::int AS id FROM audit_event');
      expect(seal.lastEventId).toBe(head.id);
      expect(seal.payload).toContain(`event=${seal.lastEventId}`);
      await expect(seals.seal(readers.regional_delegate!)).rejects.toMatchObject({ kind: 'forbidden' });
      expect(await audit.verify(readers.admin!)).toMatchObject({
        ok: true,
        sealsChecked: 1,
        lastSealedEventId: head.id,
      });
    });

    it('lets the readers list the seals and fetch the public key', async () => {
      for (const reader of Object.values(readers)) {
        expect((await seals.list(reader!, { limit: 10, offset: 0 })).total).toBeGreaterThan(0);
        expect(seals.publicKey(reader!)).toMatchObject({ algorithm: 'Ed25519', publicKeyPem: expect.any(String) });
      }
      await expect(seals.list(officer, { limit: 10, offset: 0 })).rejects.toMatchObject({ kind: 'forbidden' });
      expect(() => seals.publicKey(officer)).toThrow();
    });

    it('seals daily only when events came after the newest seal', async () => {
      await seals.sealIfDue();
      expect(await seals.sealIfDue()).toBeNull();

      await audit.write(officer, async (tx) => {
        const id = await insertMember(tx);
        return { result: id, audit: { action: 'member.create', entityType: 'member', entityId: id } };
      });

      expect(await seals.sealIfDue()).toMatchObject({ sealedBy: null });
    });

    // Last: it breaks this file's chain.
    it('finds the first event whose hash does not hold', async () => {
      const [{ hash }] = await medium.db.manager.query('SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1');
      const [forged] = await medium.db.manager.query(
        `INSERT INTO audit_event (at, action, entity_type, entity_id, prev_hash, hash)
         VALUES (now(), 'member.create', 'member', 'forged', $1, $2) RETURNING id::int`,
        [hash, 'f'.repeat(64)],
      );

      expect(await audit.verify(readers.auditor!)).toMatchObject({ ok: false, firstBrokenId: forged.id });
    });
  });
});
