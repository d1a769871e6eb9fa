import type { Browser, Page } from 'playwright-core';
import { euros, expectConsoleErrors, launchBrowser, screenshot, signIn } from '../support/browser';
import { api, DEMO, login } from '../support/http';
import { Stack } from '../support/stack';

const TITLE = 'Ateliers santé des jeunes du Lauragais';

/** A two-department application (Haute-Garonne, Hérault) with two budget lines, returned for changes by the officer. */
async function returnedApplication(stack: Stack): Promise<string> {
  const officer = api(stack, await login(stack, DEMO.officer));
  const call = await officer
    .post('/api/calls')
    .send({
      title: 'AMI 2026 — Santé des jeunes',
      year: 2026,
      fundingSource: 'FIR',
      envelopeCents: 50_000_000,
      opensOn: '2026-01-01',
      closesOn: '2099-12-31',
      axes: [{ code: 'A1', label: 'Jeunesse' }],
    })
    .expect(201);
  const project = await officer
    .post('/api/projects')
    .send({
      callId: call.body.id,
      axisCode: 'A1',
      title: TITLE,
      holder: { name: 'Maison des jeunes', kind: 'association' },
      departmentCodes: ['31', '34'],
      targetPublics: ['young_people'],
      levers: [1],
      requestedCents: 3_000_000,
      budgetLines: [
        { label: 'Animation', amountCents: 2_000_000 },
        { label: 'Déplacements', amountCents: 1_000_000 },
      ],
    })
    .expect(201);
  const id = project.body.id as string;
  for (const [to, comment] of [['submitted'], ['under_review'], ['returned_for_changes', 'Précisez la répartition']]) {
    await officer.post(`/api/projects/${id}/transitions`).send({ to, comment }).expect(200);
  }
  return id;
}

/** The regional delegate corrects an application returned for changes and deposits it again. */
describe('an application returned for changes, in the browser', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let projectId: string;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([Stack.start('web-applications', { worker: false }), launchBrowser()]);
    projectId = await returnedApplication(stack);
    page = await signIn(browser, stack, DEMO.delegate, `/projets/${projectId}`);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('edits the application: title, SIRET, budget lines, departments’ shares, refused in French until they add up', async () => {
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('link', { name: 'Modifier le dossier' }).click();
    await page.getByRole('heading', { level: 1, name: `Modifier le dossier « ${TITLE} »` }).waitFor();
    await page.getByLabel('Part de Haute-Garonne (31)').waitFor();
    expect(await page.getByLabel('Titre du projet').inputValue()).toBe(TITLE);
    expect(await page.getByLabel('Intitulé de la ligne 2').inputValue()).toBe('Déplacements');
    await screenshot(page, 'application-edit');

    await page.getByLabel('Titre du projet').fill(`${TITLE} (corrigé)`);
    await page.getByLabel('SIRET du porteur (facultatif)').fill('73282932000074');
    await page.getByRole('button', { name: 'Retirer la ligne 2' }).click();
    await page.getByRole('button', { name: 'Ajouter une ligne de budget' }).click();
    await page.getByLabel('Intitulé de la ligne 2').fill('Communication');
    await page.getByLabel('Montant de la ligne 2 (en euros)').fill('5 000');
    await page.getByLabel('Montant demandé (en euros)').fill('25 000');
    await page.getByLabel('Part de Haute-Garonne (31)').fill('70');
    await page.getByLabel('Part de Hérault (34)').fill('20');
    expectConsoleErrors(page, /status of 400/);
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await page.getByText('Les parts des départements doivent totaliser 100 %').waitFor();
    await screenshot(page, 'application-edit-shares-refused');

    await page.getByLabel('Part de Hérault (34)').fill('30');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await page.getByRole('heading', { level: 1, name: `${TITLE} (corrigé)` }).waitFor();
    const summary = await page.locator('main').innerText();
    expect(summary).toMatch(euros('25 000,00 €'));
    expect(summary).toContain('Haute-Garonne (31) : 70 %, Hérault (34) : 30 %');
  });

  it('deposits it again from the project page, and the journal shows what changed', async () => {
    await page.getByRole('button', { name: 'Redéposer' }).click();
    await page.getByRole('button', { name: 'Confirmer : Redéposer' }).click();
    await page.getByText('Déposé', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Modifier le dossier' }).waitFor({ state: 'detached' });
    await screenshot(page, 'application-redeposited');

    await page.getByRole('link', { name: 'Journal d’audit du projet' }).click();
    await page.getByText('Répartition entre départements : parts égales → 31 : 70 %, 34 : 30 %').waitFor();
    await page.getByText(`Titre : ${TITLE} → ${TITLE} (corrigé)`).waitFor();
    await screenshot(page, 'application-edit-journal');
  });

  it('offers no edit to a referent: no link, and the edit screen says why', async () => {
    const referent = await signIn(browser, stack, DEMO.referent31, `/projets/${projectId}`);
    await referent.getByRole('heading', { level: 1, name: `${TITLE} (corrigé)` }).waitFor();
    expect(await referent.getByRole('link', { name: 'Modifier le dossier' }).count()).toBe(0);
    await referent.goto(`/projets/${projectId}/modifier`);
    await referent.getByText('Ce dossier n’est pas modifiable').waitFor();
    await screenshot(referent, 'application-edit-referent');
  });
});
