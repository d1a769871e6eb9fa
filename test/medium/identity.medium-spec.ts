import { AuditService } from '@app/audit';
import type { Actor } from '@app/core';
import { SYSTEM_ACTOR } from '@app/core';
import {
  AuthService,
  CreateUserDto,
  DepartmentDirectoryService,
  IdentityErrorCode,
  IdentityModule,
  UsersService,
} from '@app/identity';
import { ReportKindRegistry } from '@app/reports';
import { TerritoryErrorCode } from '@app/territory';
import { Medium, mediumModule } from './support/medium-module';
import { expectVersionFollowsData } from './support/report-version';

/**
 * Accounts, sign-in sessions and the referent directory through the real services: IdentityModule as
 * the apps import it (audit, territory, and reports, where it registers the directory report).
 */
describe('identity', () => {
  let medium: Medium;
  let users: UsersService;
  let auth: AuthService;
  let admin: Actor;

  beforeAll(async () => {
    medium = await mediumModule([IdentityModule], { jobs: true });
    users = medium.get(UsersService);
    auth = medium.get(AuthService);
    admin = await medium.actors.admin();
  });

  let made = 0;
  const PASSWORD = 'un-mot-de-passe-de-test-2026';
  const userIn = (fields: Partial<CreateUserDto> = {}): CreateUserDto => ({
    email: `compte-${++made}@medium.iss.local`,
    displayName: `Compte ${made}`,
    password: PASSWORD,
    roles: ['mission_officer'],
    ...fields,
  });
  const origin = { address: '192.0.2.10' };
  const accountsWith = async (email: string): Promise<number> => {
    const [{ n }] = await medium.db.manager.query('SELECT count(*)::int AS n FROM app_user WHERE email = $1', [email]);
    return n;
  };

  describe('accounts are the admin’s', () => {
    it('creates an account with its departments, and records it without any password', async () => {
      const created = await users.create(admin, userIn({ roles: ['departmental_referent'], departmentCodes: ['31'] }));

      expect(created).toMatchObject({ roles: ['departmental_referent'], departmentCodes: ['31'], memberId: null });
      expect(await users.get(created.id)).toEqual(created);
      const events = await medium.auditEvents('user', created.id);
      expect(events).toEqual([{ action: 'user.create', actorId: admin.id, before: null, after: created }]);
      expect(JSON.stringify(events)).not.toMatch(/argon2|password/i);
    });

    it('refuses every other role, before writing anything', async () => {
      for (const role of ['regional_delegate', 'mission_officer', 'departmental_referent', 'auditor'] as const) {
        const actor = await medium.actors.create([role], { departmentCodes: ['31'] });
        const input = userIn();
        await expect(users.create(actor, input)).rejects.toMatchObject({ kind: 'forbidden' });
        expect(await accountsWith(input.email)).toBe(0);
      }
      const member = await medium.actors.commissionMember();
      await expect(users.update(member, admin.id!, { disabled: true })).rejects.toMatchObject({ kind: 'forbidden' });
    });

    it('refuses a referent without departments, an unknown department and a taken e-mail', async () => {
      await expect(users.create(admin, userIn({ roles: ['departmental_referent'] }))).rejects.toMatchObject({
        kind: 'invalid',
        code: IdentityErrorCode.UserReferentWithoutDepartment,
      });
      await expect(
        users.create(admin, userIn({ roles: ['departmental_referent'], departmentCodes: ['75'] })),
      ).rejects.toMatchObject({ kind: 'invalid', code: TerritoryErrorCode.TerritoryUnknownDepartment });
      const first = await users.create(admin, userIn());
      await expect(users.create(admin, userIn({ email: first.email }))).rejects.toMatchObject({
        kind: 'conflict',
        code: IdentityErrorCode.UserEmailTaken,
      });
      expect(await users.createIfAbsent(admin, userIn({ email: first.email }))).toBeNull();
    });

    it('leaves no account behind when its audit event cannot be written (one transaction)', async () => {
      jest.spyOn(medium.get(AuditService), 'record').mockRejectedValueOnce(new Error('audit trail unavailable'));
      const input = userIn();

      await expect(users.create(admin, input)).rejects.toThrow('audit trail unavailable');

      expect(await accountsWith(input.email)).toBe(0);
    });

    it('disables and re-enables an account, recording before and after; a no-op writes nothing', async () => {
      const account = await users.create(admin, userIn());

      const disabled = await users.update(admin, account.id, { disabled: true });
      expect(disabled.disabledAt).toEqual(expect.any(String));
      expect(await users.update(admin, account.id, { disabled: true })).toEqual(disabled);
      const enabled = await users.update(admin, account.id, { disabled: false });
      expect(enabled.disabledAt).toBeNull();

      const events = await medium.auditEvents('user', account.id);
      expect(events.map((e) => e.action)).toEqual(['user.create', 'user.disable', 'user.enable']);
      expect(events[1]).toMatchObject({ before: { disabledAt: null }, after: { disabledAt: disabled.disabledAt } });
    });

    it('keeps an admin from disabling itself, and names an unknown account', async () => {
      await expect(users.update(admin, admin.id!, { disabled: true })).rejects.toMatchObject({
        kind: 'conflict',
        code: IdentityErrorCode.UserDisableSelf,
      });
      await expect(
        users.update(admin, '00000000-0000-4000-8000-000000000000', { disabled: true }),
      ).rejects.toMatchObject({ kind: 'not_found', code: IdentityErrorCode.UserNotFound });
    });

    it('edits the roles, departments and linked member of an account, audited as one change', async () => {
      const member = await medium.actors.commissionMember();
      const account = await users.create(admin, userIn());

      const edited = await users.update(admin, account.id, {
        displayName: 'Compte renommé',
        roles: ['departmental_referent', 'commission_member'],
        departmentCodes: ['81', '31'],
        memberId: member.memberId!,
      });

      expect(edited).toMatchObject({
        displayName: 'Compte renommé',
        roles: ['departmental_referent', 'commission_member'],
        departmentCodes: ['31', '81'],
        memberId: member.memberId,
        disabledAt: null,
      });
      expect(await users.getManaged(admin, account.id)).toEqual(edited);
      expect(await users.update(admin, account.id, { departmentCodes: ['31', '81'] })).toEqual(edited);
      const unlinked = await users.update(admin, account.id, { memberId: null });
      expect(unlinked.memberId).toBeNull();
      const events = await medium.auditEvents('user', account.id);
      expect(events.map((e) => e.action)).toEqual(['user.create', 'user.update', 'user.update']);
      expect(events[1]).toMatchObject({ before: { roles: ['mission_officer'], departmentCodes: [] } });
    });

    it('refuses a referent without department, an unknown department or member, and a non-admin', async () => {
      const account = await users.create(admin, userIn());

      await expect(users.update(admin, account.id, { roles: ['departmental_referent'] })).rejects.toMatchObject({
        code: IdentityErrorCode.UserReferentWithoutDepartment,
      });
      await expect(users.update(admin, account.id, { departmentCodes: ['75'] })).rejects.toMatchObject({
        code: TerritoryErrorCode.TerritoryUnknownDepartment,
      });
      await expect(
        users.update(admin, account.id, { memberId: '00000000-0000-4000-8000-000000000000' }),
      ).rejects.toMatchObject({ driverError: { code: '23503' } });
      const officer = await medium.actors.missionOfficer();
      await expect(users.update(officer, account.id, { displayName: 'X' })).rejects.toMatchObject({
        kind: 'forbidden',
      });
      await expect(users.list(officer, { limit: 10, offset: 0 })).rejects.toMatchObject({ kind: 'forbidden' });
      await expect(users.getManaged(officer, account.id)).rejects.toMatchObject({ kind: 'forbidden' });
      expect((await medium.auditEvents('user', account.id)).map((e) => e.action)).toEqual(['user.create']);
    });

    it('keeps an admin from taking away its own admin role (lock-out)', async () => {
      await expect(users.update(admin, admin.id!, { roles: ['mission_officer'] })).rejects.toMatchObject({
        kind: 'conflict',
        code: IdentityErrorCode.UserDemoteSelf,
      });
      const self = await users.update(admin, admin.id!, { roles: ['admin', 'auditor'] });
      expect(self.roles).toEqual(['admin', 'auditor']);
      await users.update(admin, admin.id!, { roles: ['admin'] });
    });

    it('lists the accounts by name, searched by name or e-mail, filtered by role, paginated', async () => {
      const tag = `recherche-${++made}`;
      const zoe = await users.create(admin, userIn({ displayName: `Zoé ${tag}`, roles: ['auditor'] }));
      const adam = await users.create(admin, userIn({ email: `adam-${tag}@medium.iss.local`, roles: ['auditor'] }));
      await users.create(admin, userIn({ displayName: `Yann ${tag}`, roles: ['mission_officer'] }));

      const page = await users.list(admin, { search: tag.toUpperCase(), role: 'auditor', limit: 1, offset: 0 });
      expect(page).toEqual({ items: [expect.objectContaining({ id: adam.id, disabledAt: null })], total: 2 });
      expect((await users.list(admin, { search: tag, role: 'auditor', limit: 1, offset: 1 })).items[0].id).toBe(zoe.id);
      expect((await users.list(admin, { search: '%', limit: 5, offset: 0 })).total).toBe(0);
    });

    it('links an account to its member record', async () => {
      const member = await medium.actors.commissionMember();
      const account = await users.create(admin, userIn({ roles: ['commission_member'] }));

      const linked = await users.linkMember(admin, account.email, member.memberId!);

      expect(linked.memberId).toBe(member.memberId);
      expect((await medium.auditEvents('user', account.id)).at(-1)).toMatchObject({
        action: 'user.link_member',
        before: { memberId: null },
        after: { memberId: member.memberId },
      });
      await expect(users.linkMember(member, account.email, member.memberId!)).rejects.toMatchObject({
        kind: 'forbidden',
      });
    });
  });

  describe('sessions', () => {
    it('signs in with the right password, and audits the sign-in', async () => {
      const account = await users.create(admin, userIn());

      const user = await auth.validateCredentials(account.email, PASSWORD, origin);
      const session = await auth.login(user, 'req-login');

      expect(user).toEqual(account);
      expect(session.accessToken).toEqual(expect.any(String));
      expect((await medium.auditEvents('user', account.id)).at(-1)).toMatchObject({
        action: 'auth.login',
        actorId: account.id,
      });
    });

    it('refuses a wrong password or a disabled account alike, and audits the failure', async () => {
      const account = await users.create(admin, userIn());

      await expect(auth.validateCredentials(account.email, 'pas le bon mot de passe', origin)).rejects.toMatchObject({
        kind: 'unauthorized',
        code: IdentityErrorCode.AuthInvalidCredentials,
      });
      await users.update(admin, account.id, { disabled: true });
      await expect(auth.validateCredentials(account.email, PASSWORD, origin)).rejects.toMatchObject({
        code: IdentityErrorCode.AuthInvalidCredentials,
      });
      const failures = (await medium.auditEvents('user', account.id)).filter((e) => e.action === 'auth.login_failed');
      expect(failures).toEqual([
        { action: 'auth.login_failed', actorId: null, before: null, after: { address: origin.address } },
        { action: 'auth.login_failed', actorId: null, before: null, after: { address: origin.address } },
      ]);
    });

    it('changes its own password only with the current one, and ends the sessions issued before', async () => {
      const account = await users.create(admin, userIn());
      const user = await auth.validateCredentials(account.email, PASSWORD, origin);
      const { accessToken } = await auth.login(user);
      const claims = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString());
      const me = (await auth.actorForToken(claims, { viaCookie: false }))!;
      expect(me.id).toBe(account.id);

      await expect(
        auth.changePassword(me, { currentPassword: 'faux', newPassword: 'nouveau-mot-de-passe-2026' }, origin),
      ).rejects.toMatchObject({ kind: 'invalid', code: IdentityErrorCode.AuthWrongPassword });
      await expect(
        auth.changePassword(me, { currentPassword: PASSWORD, newPassword: PASSWORD }, origin),
      ).rejects.toMatchObject({ kind: 'invalid', code: IdentityErrorCode.AuthSamePassword });
      const renewed = await auth.changePassword(
        me,
        { currentPassword: PASSWORD, newPassword: 'nouveau-mot-de-passe-2026' },
        origin,
      );

      expect(renewed.user.id).toBe(account.id);
      expect(await auth.actorForToken(claims, { viaCookie: false })).toBeNull();
      await expect(auth.validateCredentials(account.email, 'nouveau-mot-de-passe-2026', origin)).resolves.toMatchObject(
        { id: account.id },
      );
      expect((await medium.auditEvents('user', account.id)).map((e) => e.action)).toEqual(
        expect.arrayContaining(['auth.password_change_failed', 'auth.password_change']),
      );
    });

    it('has no password to change for the system', async () => {
      await expect(
        auth.changePassword(SYSTEM_ACTOR, { currentPassword: 'x', newPassword: 'nouveau-mot-de-passe-2026' }, origin),
      ).rejects.toMatchObject({ kind: 'forbidden' });
    });

    it('revokes the token it signs out with, and audits it', async () => {
      const account = await users.create(admin, userIn());
      const { accessToken } = await auth.login(account);
      const claims = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString());
      const me = (await auth.actorForToken(claims, { viaCookie: false }))!;

      await auth.logout(me);

      expect(await auth.actorForToken(claims, { viaCookie: false })).toBeNull();
      expect((await medium.auditEvents('user', account.id)).at(-1)).toMatchObject({ action: 'auth.logout' });
      await expect(auth.logout({ ...me, tokenId: undefined })).rejects.toMatchObject({ kind: 'forbidden' });
    });
  });

  describe('ProConnect leftovers', () => {
    it('forgets attempts left at the provider and the ID tokens of expired sessions at the purge', async () => {
      const user = await users.create(admin, userIn());
      const q = (sql: string, params: unknown[] = []) => medium.db.manager.query(sql, params);
      await q(`INSERT INTO proconnect_attempt (state, nonce, code_verifier, created_at)
               VALUES ('abandoned', 'n', 'v', now() - interval '11 minutes'), ('under-way', 'n', 'v', now())`);
      await q(
        `INSERT INTO proconnect_session (jti, user_id, id_token, expires_at)
         VALUES (gen_random_uuid(), $1, 'ended', now() - interval '1 second'), (gen_random_uuid(), $1, 'live', now() + interval '1 hour')`,
        [user.id],
      );

      expect((await auth.purgeExpired()).proconnect).toBe(2);
      expect(await q('SELECT state FROM proconnect_attempt')).toEqual([{ state: 'under-way' }]);
      expect(await q('SELECT id_token AS "idToken" FROM proconnect_session')).toEqual([{ idToken: 'live' }]);
    });
  });

  describe('the referent directory', () => {
    it('lists the thirteen departments to every role, with active referents and vacancies', async () => {
      const directory = medium.get(DepartmentDirectoryService);
      const referent = await users.create(
        admin,
        userIn({ displayName: 'Référente Lozère', roles: ['departmental_referent'], departmentCodes: ['48'] }),
      );
      const gone = await users.create(
        admin,
        userIn({ displayName: 'Ancien référent', roles: ['departmental_referent'], departmentCodes: ['48'] }),
      );
      await users.update(admin, gone.id, { disabled: true });

      for (const actor of [admin, await medium.actors.commissionMember(), await medium.actors.auditor()]) {
        const page = await directory.page(actor, { limit: 20, offset: 0 });
        expect(page.total).toBe(13);
        const lozere = page.items.find((d) => d.code === '48')!;
        expect(lozere.referents).toEqual([{ id: referent.id, displayName: 'Référente Lozère' }]);
      }
      expect((await directory.list()).filter((d) => d.referents.length === 0).length).toBeGreaterThan(0);
    });

    it('registers the directory report with the reports pipeline, which every role may request', async () => {
      const directoryReport = medium.get(ReportKindRegistry).get('directory');

      await expect(directoryReport.authorize(await medium.actors.commissionMember(), {})).resolves.toBeUndefined();
      expect((await directoryReport.collect({})) as unknown[]).toHaveLength(13);
    });
  });
  describe('the directory report’s data version', () => {
    it('changes with the referents and the departments the directory prints, not with other accounts', async () => {
      const referent = await users.create(admin, userIn({ roles: ['departmental_referent'], departmentCodes: ['09'] }));
      const directory = medium.get(ReportKindRegistry).get('directory');
      const [{ name }] = await medium.db.manager.query("SELECT name FROM department WHERE code = '09'");

      await expectVersionFollowsData(
        medium,
        'directory',
        {},
        {
          'a referent added': () =>
            users.create(admin, userIn({ roles: ['departmental_referent'], departmentCodes: ['11'] })),
          'a referent renamed': () => users.update(admin, referent.id, { displayName: 'Référent renommé' }),
          'a referent’s department changed': () => users.update(admin, referent.id, { departmentCodes: ['12'] }),
          'a referent disabled': () => users.update(admin, referent.id, { disabled: true }),
          'a department renamed': () =>
            medium.db.manager.query("UPDATE department SET name = 'Ariège (test)' WHERE code = '09'"),
        },
      );
      await medium.db.manager.query("UPDATE department SET name = $1 WHERE code = '09'", [name]);

      const before = await directory.dataVersion({});
      await users.create(admin, userIn({ roles: ['mission_officer'] }));
      expect(await directory.dataVersion({})).toBe(before);
    });
  });
});
