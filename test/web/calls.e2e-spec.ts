import type { Browser, Page } from 'playwright-core';
import { euros, launchBrowser, screenshot, signIn } from '../support/browser';
import { api, DEMO, login } from '../support/http';
import { Stack } from '../support/stack';

const TITLE = 'AMI 2027 — Santé mentale des jeunes';

/** Three applications on axis A of the call, under review, 25 000 € each: two fit in its 60 000 €, the third does not. */
async function applicationsUnderReview(stack: Stack, callId: string): Promise<void> {
  const officer = api(stack, await login(stack, DEMO.officer));
  for (const title of ['Maison des ados mobile', 'Pair-aidance étudiante', 'Ligne d’écoute rurale']) {
    const project = await officer
      .post('/api/projects')
      .send({
        callId,
        axisCode: 'A',
        title,
        holder: { name: 'Association', kind: 'association' },
        departmentCodes: ['31'],
        targetPublics: ['young_people'],
        levers: [1],
        requestedCents: 2_500_000,
      })
      .expect(201);
    for (const to of ['submitted', 'under_review'])
      await officer.post(`/api/projects/${project.body.id}/transitions`).send({ to }).expect(200);
  }
}

/** The regional delegate creates a call with its axes and scoring grid, edits it, ranks it, closes and reopens it. */
describe('a call for projects, in the browser', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let callId: string;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([Stack.start('web-calls', { worker: false }), launchBrowser()]);
    page = await signIn(browser, stack, DEMO.delegate, '/appels');
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('creates a call with two axes and a weighted scoring grid, and says what to correct first', async () => {
    await page.getByRole('heading', { level: 1, name: 'Appels à projets' }).waitFor();
    await page.getByRole('table', { name: 'Appels à projets' }).getByText('AMI 2023').first().waitFor();
    await screenshot(page, 'calls-list');
    await page.getByRole('link', { name: 'Créer un appel à projets' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nouvel appel à projets' }).waitFor();

    await page.getByLabel('Intitulé de l’appel').fill(TITLE);
    await page.getByLabel('Année').fill('2027');
    await page.getByLabel('Enveloppe de l’appel (en euros)').fill('100 000');
    await page.getByLabel('Date d’ouverture').fill('2027-01-15');
    await page.getByLabel('Date de clôture').fill('2099-12-31');
    await page.getByLabel('Code de l’axe 1').fill('A');
    await page.getByLabel('Intitulé de l’axe 1').fill('Santé mentale');
    await page.getByLabel('Enveloppe de l’axe 1 (en euros)').fill('150 000');
    await page.getByRole('button', { name: 'Ajouter un axe' }).click();
    await page.getByLabel('Code de l’axe 2').fill('B');
    await page.getByLabel('Intitulé de l’axe 2').fill('Accès aux soins');
    for (const [i, code, label, weight] of [
      [1, 'PERT', 'Pertinence', '3'],
      [2, 'FAIS', 'Faisabilité', '1'],
    ] as const) {
      await page.getByRole('button', { name: 'Ajouter un critère' }).click();
      await page.getByLabel(`Code du critère ${i}`).fill(code);
      await page.getByLabel(`Intitulé du critère ${i}`).fill(label);
      await page.getByLabel(`Poids du critère ${i}`).fill(weight);
    }
    await page.getByText('au total des poids (4)').waitFor();
    await page.getByRole('button', { name: 'Créer l’appel' }).click();
    await page.getByText('Les enveloppes des axes dépassent l’enveloppe de l’appel.').waitFor();
    await screenshot(page, 'call-create-refused');

    await page.getByLabel('Enveloppe de l’axe 1 (en euros)').fill('50 000');
    await page.getByRole('button', { name: 'Créer l’appel' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    callId = page.url().split('/').pop()!;
    const axes = page.getByRole('table', { name: 'Axes et enveloppes' });
    expect(await axes.getByRole('row').nth(1).innerText()).toMatch(euros('A\tSanté mentale\t50 000,00 €'));
    expect(await axes.getByRole('row').nth(2).innerText()).toMatch(/^B\tAccès aux soins\tcelle de l’appel/);
    const grid = page.getByRole('table', { name: /^Grille de notation/ });
    expect(await grid.getByRole('row').allInnerTexts()).toEqual([
      'Code\tCritère\tPoids',
      'PERT\tPertinence\t3',
      'FAIS\tFaisabilité\t1',
    ]);
    await page.getByText('L’appel reçoit de nouvelles candidatures.', { exact: false }).waitFor();
    await screenshot(page, 'call-page');
  });

  it('edits the call: its title, an axis’s envelope and a criterion’s weight', async () => {
    await page.getByRole('link', { name: 'Modifier l’appel' }).click();
    await page.getByRole('heading', { level: 1, name: `Modifier l’appel « ${TITLE} »` }).waitFor();
    expect(await page.getByLabel('Intitulé de l’axe 2').inputValue()).toBe('Accès aux soins');
    await page.getByLabel('Intitulé de l’appel').fill(`${TITLE} (révisé)`);
    await page.getByLabel('Enveloppe de l’axe 1 (en euros)').fill('60 000');
    await page.getByLabel('Poids du critère 2').fill('2');
    await screenshot(page, 'call-edit');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await page.getByRole('heading', { level: 1, name: `${TITLE} (révisé)` }).waitFor();
    const axes = page.getByRole('table', { name: 'Axes et enveloppes' });
    expect(await axes.getByRole('row').nth(1).innerText()).toMatch(euros('A\tSanté mentale\t60 000,00 €'));
    expect(
      await page
        .getByRole('table', { name: /^Grille de notation/ })
        .getByRole('row')
        .nth(2)
        .innerText(),
    ).toBe('FAIS\tFaisabilité\t2');
  });

  it('ranks the applications under review by axis, with the cut-off line where the axis’s envelope runs out', async () => {
    await applicationsUnderReview(stack, callId);
    await page.getByRole('link', { name: 'Classement et ligne de coupure' }).click();
    await page.getByRole('heading', { level: 1, name: `Classement de l’appel « ${TITLE} (révisé) »` }).waitFor();
    const axisA = page.getByRole('table', { name: /^Axe A — Santé mentale/ });
    await axisA.getByRole('row').nth(4).waitFor();
    const rows = await axisA.getByRole('row').allInnerTexts();
    expect(rows[1]).toMatch(euros('1\tMaison des ados mobile\tnon noté\t25 000,00 €\t25 000,00 €'));
    expect(rows[2]).toMatch(euros('2\tPair-aidance étudiante\tnon noté\t25 000,00 €\t50 000,00 €'));
    expect(rows[3]).toBe('Ligne de coupure : l’enveloppe restante ne couvre plus les projets ci-dessous');
    expect(rows[4]).toMatch(euros('3\tLigne d’écoute rurale\tnon noté\t25 000,00 €\t75 000,00 €'));
    expect(await axisA.locator('caption').innerText()).toMatch(euros('reste à engager 60 000,00 € sur 60 000,00 €'));
    await page
      .getByText(/^Axe B — Accès aux soins \(pas d’enveloppe propre.*\) : aucun projet en instruction/)
      .waitFor();
    await screenshot(page, 'call-ranking');
  });

  it('closes the call, then reopens it with a reason', async () => {
    await page.goto(`/appels/${callId}`);
    await page.getByRole('heading', { level: 1, name: `${TITLE} (révisé)` }).waitFor();
    await page.getByRole('button', { name: 'Clore l’appel' }).click();
    await page.getByRole('button', { name: 'Rouvrir l’appel' }).waitFor();
    await page.getByText('L’appel ne reçoit plus de nouvelle candidature.', { exact: false }).waitFor();
    await page.getByRole('heading', { level: 1, name: `${TITLE} (révisé) Clos` }).waitFor();

    await page.getByRole('button', { name: 'Rouvrir l’appel' }).click();
    const form = page.getByRole('form', { name: 'Rouvrir l’appel' });
    expect(await form.getByLabel('Motif (obligatoire)').getAttribute('required')).not.toBeNull();
    await form.getByLabel('Motif (obligatoire)').fill('Deux dossiers déposés par courrier avant la date');
    await screenshot(page, 'call-reopen');
    await form.getByRole('button', { name: 'Confirmer : Rouvrir l’appel' }).click();
    await page.getByRole('button', { name: 'Clore l’appel' }).waitFor();
    await page.getByRole('heading', { level: 1, name: `${TITLE} (révisé) Ouvert` }).waitFor();
  });

  it('shows a mission officer the call without the reopening, and an auditor without any change', async () => {
    const officer = await signIn(browser, stack, DEMO.officer, `/appels/${callId}`);
    await officer.getByRole('button', { name: 'Clore l’appel' }).click();
    await officer.getByRole('button', { name: 'Marquer l’appel comme décidé' }).waitFor();
    expect(await officer.getByRole('button', { name: 'Rouvrir l’appel' }).count()).toBe(0);

    const auditor = await signIn(browser, stack, DEMO.auditor, `/appels/${callId}`);
    await auditor.getByRole('heading', { level: 1, name: `${TITLE} (révisé) Clos` }).waitFor();
    expect(await auditor.getByRole('link', { name: 'Modifier l’appel' }).count()).toBe(0);
    expect(
      await auditor
        .getByRole('button')
        .filter({ hasText: /l’appel/ })
        .count(),
    ).toBe(0);
    await auditor.goto(`/appels/${callId}/modifier`);
    await auditor.getByText('Cet appel n’est pas modifiable').waitFor();
  });
});
