import type { Actor } from '@app/core';
import { MailModule, MailPreferencesService, type NewMessage, OutboxRepository, OutboxService } from '@app/mail';
import { Medium, mediumModule } from './support/medium-module';

/**
 * The outbox on a real database: a message key written twice is one row, and of two workers claiming
 * the same message at once exactly one gets it. The preferences are each person's own, audited.
 */
describe('the mail outbox and preferences', () => {
  let medium: Medium;
  let outbox: OutboxService;
  let rows: OutboxRepository;

  beforeAll(async () => {
    medium = await mediumModule([MailModule], { jobs: true });
    outbox = medium.get(OutboxService);
    rows = medium.get(OutboxRepository);
  });

  const message = (key: string, recipientEmail: string | null = 'camille@asso.example'): NewMessage => ({
    key,
    kind: 'convocation',
    recipientEmail,
    recipientName: 'Camille',
    subject: 'Convocation',
    text: 'Bonjour',
    html: '<p>Bonjour</p>',
    attachments: [],
  });
  const write = (messages: NewMessage[]) => medium.db.transaction((tx) => outbox.add(tx, messages));
  const count = async (key: string) =>
    Number((await medium.db.manager.query('SELECT count(*) AS n FROM mail_outbox WHERE message_key = $1', [key]))[0].n);

  it('writes a message key once: the same event written twice sends one message', async () => {
    const [first] = await write([message('medium:twice')]);
    expect(first).toEqual(expect.any(String));
    expect(await write([message('medium:twice')])).toEqual([]);
    expect(await count('medium:twice')).toBe(1);
  });

  it('writes nothing when the event’s transaction rolls back', async () => {
    await expect(
      medium.db.transaction(async (tx) => {
        await outbox.add(tx, [message('medium:rolled-back')]);
        throw new Error('the event failed');
      }),
    ).rejects.toThrow('the event failed');
    expect(await count('medium:rolled-back')).toBe(0);
  });

  it('keeps a recipient without an address as skipped, with the reason, and never queues it', async () => {
    expect(await write([message('medium:no-address', null)])).toEqual([]);
    const [row] = await medium.db.manager.query(
      'SELECT status, last_error AS "lastError" FROM mail_outbox WHERE message_key = $1',
      ['medium:no-address'],
    );
    expect(row).toEqual({ status: 'skipped', lastError: expect.stringMatching(/adresse/) });
  });

  it('gives a message to one of two workers claiming it at once, and to none while the claim holds', async () => {
    const [id] = await write([message('medium:claimed')]);
    const claims = await Promise.all([rows.claim(id, 60), rows.claim(id, 60)]);
    expect(claims.filter((c) => c !== null)).toHaveLength(1);
    expect(await rows.claim(id, 60)).toBeNull();
    expect(await rows.due(1000)).not.toContain(id);
  });

  describe('preferences', () => {
    let referent: Actor;
    beforeAll(async () => {
      referent = await medium.actors.departmentalReferent('31');
    });

    it('has the digest on until the person turns it off, audited', async () => {
      const preferences = medium.get(MailPreferencesService);
      expect(await preferences.get(referent)).toEqual({ weeklyDigest: true });
      expect(await preferences.set(referent, { weeklyDigest: false })).toEqual({ weeklyDigest: false });
      expect(await preferences.wantsDigest(referent.id!)).toBe(false);
      expect(await medium.auditEvents('user', referent.id!)).toContainEqual(
        expect.objectContaining({
          action: 'mail.preferences',
          before: { weeklyDigest: true },
          after: { weeklyDigest: false },
        }),
      );
    });
  });
});
