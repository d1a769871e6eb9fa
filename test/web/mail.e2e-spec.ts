import type { Browser } from 'playwright-core';
import { expectAccessible, launchBrowser, screenshot, signIn } from '../support/browser';
import { api, DEMO, login, until } from '../support/http';
import { TestSmtpServer } from '../support/smtp';
import { Stack } from '../support/stack';

const MEMBER_EMAIL = `convoque-${process.pid}@asso.example`;

/** The officer convenes a meeting from its page, the admin follows the e-mail, a referent turns its digest off. */
describe('e-mail in the browser', () => {
  let smtp: TestSmtpServer;
  let stack: Stack;
  let browser: Browser;
  let meetingId: string;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    [stack, browser] = await Promise.all([
      Stack.start('web-mail', { env: { SMTP_URL: smtp.url, MAIL_SWEEP_INTERVAL_SECONDS: '1' } }),
      launchBrowser(),
    ]);
    const officer = await login(stack, DEMO.officer);
    const body = await api(stack, officer)
      .post('/api/bodies')
      .send({ kind: 'working_group', name: 'Groupe des convocations' })
      .expect(201);
    const member = await api(stack, officer)
      .post('/api/members')
      .send({ displayName: 'Claire Convoquée', email: MEMBER_EMAIL, college: 'users', organization: 'Asso' })
      .expect(201);
    await api(stack, officer)
      .post(`/api/bodies/${body.body.id}/seats`)
      .send({ memberId: member.body.id, college: 'users', startsOn: '2024-01-01' })
      .expect(201);
    const day = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const meeting = await api(stack, officer)
      .post('/api/meetings')
      .send({ bodyId: body.body.id, startsAt: `${day}T14:00:00+01:00`, place: 'ARS', agenda: [{ title: 'Bilan' }] })
      .expect(201);
    meetingId = meeting.body.id;
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await smtp?.stop();
  });

  it('lets the officer convene a meeting from its page, and the member receives the convocation', async () => {
    const officer = await signIn(browser, stack, DEMO.officer, `/seances/${meetingId}`);
    await officer.getByText('La convocation n’a pas encore été envoyée.').waitFor();
    await officer.getByRole('button', { name: 'Convoquer les membres par courriel' }).click();
    await officer.getByText(/^Convocation envoyée par courriel aux membres le /).waitFor();
    expect(await officer.getByRole('button', { name: 'Convoquer les membres par courriel' }).count()).toBe(0);
    await expectAccessible(officer, 'meeting-convened');
    await screenshot(officer, 'meeting-convened');
    await until(
      async () => smtp.to(MEMBER_EMAIL).length,
      (n) => n === 1,
    );
  });

  it('shows the admin the e-mail sent, filtered by kind', async () => {
    const admin = await signIn(browser, stack, DEMO.admin);
    await admin.getByRole('link', { name: 'Courriels' }).first().click();
    await admin.getByRole('heading', { name: 'Courriels envoyés', level: 1 }).waitFor();
    const filter = admin.getByRole('form', { name: 'Filtrer les courriels' });
    await filter.getByLabel('Nature').selectOption({ label: 'Convocation' });
    await filter.getByRole('button', { name: 'Filtrer' }).click();
    const row = admin.getByRole('table', { name: 'Courriels' }).getByRole('row').filter({ hasText: MEMBER_EMAIL });
    await row.getByText('Envoyé').waitFor();
    await expectAccessible(admin, 'outbox');
    await screenshot(admin, 'outbox');
  });

  it('lets a referent turn its weekly digest off', async () => {
    const referent = await signIn(browser, stack, DEMO.referent31);
    await referent.getByRole('link', { name: 'Mes courriels' }).click();
    await referent.getByRole('heading', { name: 'Mes courriels', level: 1 }).waitFor();
    const digest = referent.getByLabel('Récapitulatif hebdomadaire');
    expect(await digest.isChecked()).toBe(true);
    await digest.uncheck({ force: true });
    await referent.getByRole('button', { name: 'Enregistrer' }).click();
    await referent.getByText('Préférences enregistrées.').waitFor();
    await expectAccessible(referent, 'mail-preferences');
    const token = await login(stack, DEMO.referent31);
    expect((await api(stack, token).get('/api/mail/preferences').expect(200)).body).toEqual({ weeklyDigest: false });
  });
});
