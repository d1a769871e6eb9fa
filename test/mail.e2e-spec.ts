import { grantedProject } from './support/factories';
import { api, DEMO, login, until } from './support/http';
import { pdfText } from './support/pdf-text';
import { TestSmtpServer, type ReceivedMail } from './support/smtp';
import { Stack } from './support/stack';

type OutboxItem = {
  id: string;
  kind: string;
  status: string;
  attempts: number;
  lastError: string | null;
  recipientName: string;
  recipientEmail: string | null;
  subject: string;
};

const DAY_MS = 24 * 3600 * 1000;
const parisDay = (offset: number) =>
  new Date(Date.now() + offset * DAY_MS).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
/** "15 décembre 2026", as the reminders print a due day. */
const parisLongDay = (offset: number) =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long' }).format(
    new Date(Date.now() + offset * DAY_MS),
  );
/** "10 décembre 2026 à 14:00", as the messages and the notice print a date in Paris time. */
const parisWhen = (iso: string) =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(iso),
  );

describe('e-mail that goes out: the outbox, sent by the worker over SMTP', () => {
  let smtp: TestSmtpServer;
  let stack: Stack;
  let admin: string;
  let officer: string;
  let grantedProjectId: string;
  const body = { id: '', name: `Groupe « santé & précarité » ${process.pid}` };
  const people = {
    titular: { id: '', email: `titulaire-${process.pid}@asso.example` },
    alternate: { id: '', email: `suppleant-${process.pid}@asso.example` },
    unreachable: { id: '' },
  };

  const createMeeting = async (dayOffset: number, agenda: string[]) => {
    const res = await api(stack, officer)
      .post('/api/meetings')
      .send({
        bodyId: body.id,
        startsAt: `${parisDay(dayOffset)}T14:00:00+01:00`,
        place: 'ARS, Montpellier',
        agenda: agenda.map((title) => ({ title })),
      });
    expect(res.status).toBe(201);
    return res.body as { id: string; startsAt: string; version: number };
  };
  const outbox = async (query = '') =>
    (await api(stack, admin).get(`/api/mail/outbox?limit=200${query}`).expect(200)).body as {
      items: OutboxItem[];
      total: number;
      smtpConfigured: boolean;
    };
  /** Waits until each address has received `count` messages whose subject matches. */
  const arrived = (addresses: string[], subject: RegExp, count = 1) =>
    until(
      async () => addresses.map((a) => smtp.to(a).filter((m) => subject.test(m.subject))),
      (lists) => lists.every((l) => l.length >= count),
      20_000,
    );

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    stack = await Stack.start('mail', {
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Mission ISS <ne-pas-repondre@ars.example>',
        MAIL_REPLY_TO: 'secretariat-iss@ars.example',
        APP_URL: 'https://iss.ars.example',
        MAIL_MAX_ATTEMPTS: '3',
        MAIL_RETRY_BASE_SECONDS: '1',
        MAIL_SWEEP_INTERVAL_SECONDS: '1',
        // The digest is due from Monday 00:00: as soon as the worker starts, whatever the day.
        MAIL_DIGEST_WEEKDAY: '1',
        MAIL_DIGEST_HOUR: '0',
      },
      worker: false,
    });
    admin = await login(stack, DEMO.admin);
    officer = await login(stack, DEMO.officer);
    // Before the worker (and its first digest run): the referent of 34 turns the digest off.
    const referent34 = await login(stack, DEMO.referent34);
    expect((await api(stack, referent34).get('/api/mail/preferences').expect(200)).body).toEqual({
      weeklyDigest: true,
    });
    await api(stack, referent34).put('/api/mail/preferences').send({ weeklyDigest: false }).expect(200);
    expect((await api(stack, referent34).get('/api/mail/preferences').expect(200)).body).toEqual({
      weeklyDigest: false,
    });
    // Roadmap actions past their end date, one in 31 and one in 34: what the referents' digests report.
    await api(stack, officer)
      .post('/api/roadmaps')
      .send({ year: 2031, axes: [{ code: 'DG', label: 'Axe du récapitulatif' }] })
      .expect(201);
    for (const code of ['31', '34'])
      await api(stack, officer)
        .post('/api/roadmaps/2031/actions')
        .send({
          axisCode: 'DG',
          title: `Action en retard du ${code}`,
          pilot: 'ARS',
          startsOn: '2025-01-01',
          endsOn: '2025-06-30',
          departmentCodes: [code],
        })
        .expect(201);
    // A granted project whose progress report is due in 5 days, its final one in a year.
    const delegate = await login(stack, DEMO.delegate);
    const call = await api(stack, officer)
      .post('/api/calls')
      .send({
        title: 'AMI des rappels',
        year: 2026,
        fundingSource: 'FIR',
        envelopeCents: 1_000_000,
        opensOn: '2026-01-01',
        closesOn: '2026-02-01',
        axes: [{ code: 'A', label: 'A' }],
      })
      .expect(201);
    const grant = await grantedProject(stack, { officer, delegate }, call.body.id, 100_000);
    await api(stack, officer)
      .put(`/api/grants/${grant.id}/reports`)
      .send({
        reports: [
          { kind: 'progress', dueOn: parisDay(5) },
          { kind: 'final', dueOn: parisDay(365) },
        ],
      })
      .expect(200);
    grantedProjectId = grant.projectId;
    await stack.startWorker();
    const created = await api(stack, officer).post('/api/bodies').send({ kind: 'working_group', name: body.name });
    body.id = created.body.id;
    const member = async (displayName: string, email?: string) =>
      (
        await api(stack, officer)
          .post('/api/members')
          .send({ displayName, college: 'users', organization: 'Association de test', ...(email ? { email } : {}) })
          .expect(201)
      ).body.id as string;
    people.titular.id = await member('Camille Titulaire', people.titular.email);
    people.alternate.id = await member('Dominique Suppléant', people.alternate.email);
    people.unreachable.id = await member('Eugène Sansadresse');
    const seat = (memberId: string, extra: object = {}) =>
      api(stack, officer)
        .post(`/api/bodies/${body.id}/seats`)
        .send({ memberId, college: 'users', startsOn: '2024-01-01', ...extra })
        .expect(201);
    await seat(people.titular.id, { alternateMemberId: people.alternate.id });
    await seat(people.unreachable.id);
  });
  afterAll(async () => {
    await stack?.stop();
    await smtp?.stop();
  });

  const members = () => [people.titular.email, people.alternate.email];

  describe('a convened meeting', () => {
    let meeting: { id: string; startsAt: string; version: number };
    let convocations: ReceivedMail[][];

    beforeAll(async () => {
      meeting = await createMeeting(20, ['Plan régional <santé> & précarité', 'Questions diverses']);
      const res = await api(stack, officer).post(`/api/meetings/${meeting.id}/convene`).expect(200);
      expect(res.body).toMatchObject({ convenedAt: expect.any(String), canConvene: false });
      meeting.version = res.body.version;
      convocations = await arrived(members(), /^Convocation — /);
    });

    it('sends each member of the body, full member and alternate, one convocation in French with the agenda', () => {
      for (const [mail] of convocations) {
        expect(mail.subject).toBe(`Convocation — ${body.name} — séance du ${parisWhen(meeting.startsAt)}`);
        expect(mail.from).toContain('ne-pas-repondre@ars.example');
        expect(mail.replyTo).toBe('secretariat-iss@ars.example');
        expect(mail.text).toContain('1. Plan régional <santé> & précarité');
        expect(mail.text).toContain(`https://iss.ars.example/seances/${meeting.id}`);
        expect(mail.html).toContain('<html lang="fr">');
        expect(mail.html).toContain('<li>Plan régional &lt;santé&gt; &amp; précarité</li>');
      }
      expect(convocations.map((l) => l.length)).toEqual([1, 1]);
    });

    it('attaches the notice PDF, with the body, the date and the agenda', async () => {
      for (const [mail] of convocations) {
        expect(mail.attachments).toHaveLength(1);
        const [pdf] = mail.attachments;
        expect(pdf).toMatchObject({ filename: 'convocation.pdf', contentType: 'application/pdf' });
        const text = (await pdfText(pdf.content)).replace(/\s+/g, ' ');
        expect(text).toContain(body.name);
        expect(text).toContain(parisWhen(meeting.startsAt));
        expect(text).toContain('Plan régional <santé> & précarité');
      }
    });

    it('shows the admin who was not reached: a member without an address is skipped, with the reason', async () => {
      const { items, smtpConfigured } = await outbox('&kind=convocation');
      expect(smtpConfigured).toBe(true);
      const mine = items.filter((i) => i.subject.includes(parisWhen(meeting.startsAt)));
      expect(mine.map((i) => [i.recipientName, i.status]).sort()).toEqual([
        ['Camille Titulaire', 'sent'],
        ['Dominique Suppléant', 'sent'],
        ['Eugène Sansadresse', 'skipped'],
      ]);
      expect(mine.find((i) => i.status === 'skipped')!.lastError).toMatch(/adresse/);
    });

    it('convenes once: a second convocation is refused and nobody gets the message twice', async () => {
      const again = await api(stack, officer).post(`/api/meetings/${meeting.id}/convene`);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('meeting.already_convened');
      const other = await createMeeting(30, ['Bilan']);
      const statuses = await Promise.all(
        [1, 2].map(async () => (await api(stack, officer).post(`/api/meetings/${other.id}/convene`)).status),
      );
      expect(statuses.sort()).toEqual([200, 409]);
      const when = parisWhen(other.startsAt);
      await arrived(members(), new RegExp(`séance du ${when}`));
      await new Promise((r) => setTimeout(r, 2500)); // two sweeps: anything sent twice would be here by now
      for (const address of members())
        expect(smtp.to(address).filter((m) => m.subject.includes(`séance du ${when}`))).toHaveLength(1);
    });

    it('sends an update, with the former date and place, when the meeting moves', async () => {
      const startsAt = `${parisDay(21)}T10:00:00+01:00`;
      const moved = await api(stack, officer)
        .patch(`/api/meetings/${meeting.id}`)
        .send({ startsAt, place: 'ARS, Toulouse', version: meeting.version })
        .expect(200);
      expect(moved.body).toMatchObject({ place: 'ARS, Toulouse' });
      const [[update]] = await arrived(members(), /^Séance modifiée — /);
      expect(update.subject).toBe(`Séance modifiée — ${body.name} — désormais le ${parisWhen(moved.body.startsAt)}`);
      expect(update.text).toContain(`Date prévue auparavant : ${parisWhen(meeting.startsAt)}`);
      expect(update.text).toContain('Lieu prévu auparavant : ARS, Montpellier');
      expect(update.text).toContain('Lieu : ARS, Toulouse');
      expect(await pdfText(update.attachments[0].content)).toContain('ARS, Toulouse');
      const stale = await api(stack, officer)
        .patch(`/api/meetings/${meeting.id}`)
        .send({ place: 'Ailleurs', version: meeting.version });
      expect(stale.status).toBe(409);
    });

    it('tells the members when the minutes are published, with the link to read them', async () => {
      const written = await api(stack, officer)
        .put(`/api/meetings/${meeting.id}/minutes`)
        .send({ content: 'Relevé de décisions.' })
        .expect(200);
      expect(written.body.status).toBe('draft');
      await api(stack, officer).post(`/api/meetings/${meeting.id}/minutes/approve`).expect(200);
      await api(stack, officer).post(`/api/meetings/${meeting.id}/minutes/publish`).expect(200);
      const [[mail]] = await arrived(members(), /^Procès-verbal publié — /);
      expect(mail.text).toContain(`https://iss.ars.example/seances/${meeting.id}`);
      expect(mail.html).toContain(`<a href="https://iss.ars.example/seances/${meeting.id}">`);
      expect(mail.attachments).toEqual([]);
    });
  });

  describe('the weekly digest', () => {
    type Action = { title: string; departmentCodes: string[]; overdue: boolean; stale: boolean };
    const actionsOf = async (token: string, code: string) =>
      (await api(stack, token).get(`/api/actions?departmentCode=${code}&attentionFirst=true&limit=200`).expect(200))
        .body.items as Action[];

    it('sends each referent its own departments’ overdue and stale actions and the opinions it owes, once', async () => {
      const referent31 = await login(stack, DEMO.referent31);
      const mine = (await actionsOf(referent31, '31')).filter((a) => a.overdue || a.stale);
      expect(mine.length).toBeGreaterThan(0);
      const [digest] = await arrived([DEMO.referent31], /^Récapitulatif hebdomadaire — semaine \d{4}-W\d{2}$/).then(
        ([list]) => list,
      );
      expect(mine.map((a) => a.title)).toContain('Action en retard du 31');
      for (const a of mine) expect(digest.text).toContain(a.title);
      const others = (await actionsOf(referent31, '34')).filter(
        (a) => (a.overdue || a.stale) && !a.departmentCodes.includes('31'),
      );
      expect(others.map((a) => a.title)).toContain('Action en retard du 34');
      for (const a of others) expect(digest.text).not.toContain(a.title);
      expect(digest.text).toContain('Haute-Garonne (31)');
      expect(digest.text).toContain('https://iss.ars.example/mon-departement');
      expect(digest.html).toContain('<html lang="fr">');
      const under = (
        await api(stack, referent31).get('/api/projects?departmentCode=31&status=under_review&limit=200').expect(200)
      ).body.items as { title: string; opinionsByDepartment: { departmentCode: string; opinion: string | null }[] }[];
      for (const p of under.filter((p) => p.opinionsByDepartment.some((o) => o.departmentCode === '31' && !o.opinion)))
        expect(digest.text).toContain(p.title);

      await stack.stopWorker();
      await stack.startWorker(); // a second run of this week's digest, at the worker's start
      await new Promise((r) => setTimeout(r, 2500));
      expect(smtp.to(DEMO.referent31).filter((m) => m.subject.startsWith('Récapitulatif'))).toHaveLength(1);
    });

    it('sends nothing to a referent who turned it off', async () => {
      await arrived([DEMO.referent31], /^Récapitulatif/);
      expect(smtp.to(DEMO.referent34)).toEqual([]);
      const { items } = await outbox('&kind=weekly_digest');
      expect(items.map((i) => i.recipientEmail)).not.toContain(DEMO.referent34);
    });
  });

  it('reminds the mission of an activity report due soon, once, and not of one due in a year', async () => {
    const subject = `Bilan intermédiaire attendu pour le ${parisLongDay(5)} — Projet`;
    const [[reminder]] = await arrived([DEMO.officer], new RegExp(`^${subject}$`));
    expect(reminder.text).toContain(`https://iss.ars.example/projets/${grantedProjectId}`);
    expect(reminder.text).toContain('Porteur : Asso');
    expect(reminder.html).toContain('<html lang="fr">');
    const received = smtp.to(DEMO.officer);
    expect(received.filter((m) => m.subject === subject)).toHaveLength(1);
    expect(received.filter((m) => m.subject.includes(parisLongDay(365)))).toEqual([]);
  });

  describe('an SMTP server that refuses', () => {
    it('retries with backoff, then marks the message failed with the reason; the admin retries it (audited)', async () => {
      smtp.refuse = 'Mailbox unavailable for test';
      const meeting = await createMeeting(40, ['Point unique']);
      await api(stack, officer).post(`/api/meetings/${meeting.id}/convene`).expect(200);
      const when = parisWhen(meeting.startsAt);
      const failed = await until(
        async () => (await outbox('&status=failed')).items.filter((i) => i.subject.includes(when)),
        (items) => items.length === 2,
        30_000,
        500,
      );
      for (const item of failed) {
        expect(item.attempts).toBe(3);
        expect(item.lastError).toContain('Mailbox unavailable for test');
      }
      expect(smtp.received.filter((m) => m.subject.includes(when))).toEqual([]);

      smtp.refuse = null;
      const retried = await api(stack, admin).post(`/api/mail/outbox/${failed[0].id}/retry`).expect(200);
      expect(retried.body).toMatchObject({ status: 'pending', attempts: 0 });
      await until(
        async () => smtp.received.filter((m) => m.subject.includes(when)).length,
        (n) => n === 1,
        20_000,
      );
      const sent = (await outbox('&status=sent')).items.find((i) => i.id === failed[0].id);
      expect(sent).toMatchObject({ status: 'sent', attempts: 1 });
      const again = await api(stack, admin).post(`/api/mail/outbox/${failed[0].id}/retry`);
      expect(again.status).toBe(409);
      const trail = await api(stack, admin).get(`/api/audit-events?action=mail.retry&entityId=${failed[0].id}`);
      expect(trail.body.items).toHaveLength(1);
    });
  });

  it('shows the outbox to the admin only, filtered and paginated', async () => {
    for (const account of [DEMO.officer, DEMO.delegate, DEMO.auditor, DEMO.member])
      expect((await api(stack, await login(stack, account)).get('/api/mail/outbox')).status).toBe(403);
    const page = (await api(stack, admin).get('/api/mail/outbox?limit=2&offset=1&status=sent').expect(200)).body;
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(4);
    expect(page.items.every((i: OutboxItem) => i.status === 'sent')).toBe(true);
    expect((await api(stack, admin).get('/api/mail/outbox?status=lost')).status).toBe(400);
  });
});
