import type { Browser, Page } from 'playwright-core';
import { euros, launchBrowser, screenshot, signIn } from '../support/browser';
import { DEMO, until } from '../support/http';
import { Stack } from '../support/stack';

const PROJECT = 'Accueil écoute jeunes après la crise sanitaire';

/**
 * Journey: the mission officer follows a demo grant (110 000 € to the Maison des adolescents de
 * l’Hérault, half paid, its final report overdue): references, the tranches' plan, a payment on a
 * tranche and moved to another, the report received, and the overdue list one line shorter.
 */
describe('the grant follow-up in the browser', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([Stack.start('web-grants', { worker: false }), launchBrowser()]);
    page = await signIn(browser, stack, DEMO.officer, '/tableau-de-bord');
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const overdueTable = () => page.getByRole('table', { name: /^Comptes rendus en retard/ });

  it('lists the overdue activity reports from the dashboard, each leading to its grant', async () => {
    // The dashboard's funding charts draw first: the chart library throws in the console when its
    // canvas goes away in the middle of its first drawing (a click in the same instant as the page opens).
    await until(
      () => page.locator('main canvas').count(),
      (n) => n >= 2,
    );
    await page.getByRole('link', { name: 'Tous les comptes rendus en retard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Comptes rendus en retard' }).waitFor();
    await page.getByText('Comptes rendus en retard — 12 résultats').waitFor();
    expect(await overdueTable().getByRole('columnheader').allInnerTexts()).toEqual([
      'Projet',
      'Porteur',
      'Compte rendu',
      'Attendu le',
    ]);
    await screenshot(page, 'grants-overdue-reports');
    await overdueTable().getByRole('link', { name: PROJECT }).click();
    await page.getByRole('heading', { level: 1, name: `Subvention du projet « ${PROJECT} »` }).waitFor();
    // The project page leads back to the grant.
    await page.getByRole('link', { name: 'Voir le projet' }).click();
    await page.getByRole('heading', { level: 1, name: PROJECT }).waitFor();
    await page.getByRole('link', { name: /^Subvention : engagement, échéancier/ }).click();
    await page.getByRole('heading', { level: 1, name: `Subvention du projet « ${PROJECT} »` }).waitFor();
    const figures = await page.locator('main dl').first().innerText();
    expect(figures).toMatch(euros('Montant engagé\n110 000,00 €'));
    expect(figures).toMatch(euros('Montant versé\n55 000,00 €'));
    expect(figures).toMatch(euros('Reste à verser\n55 000,00 €'));
  });

  it('sets the commitment number and the convention', async () => {
    await page.getByLabel('Numéro d’engagement juridique (EJ)').fill('2100012345');
    await page.getByLabel('Numéro de convention').fill('ars-oc-2021-007');
    await page.getByLabel('Convention signée le').fill('2021-09-15');
    await page.getByRole('button', { name: 'Enregistrer les références' }).click();
    await page.getByText('Références enregistrées.').waitFor();
    await until(
      () => page.getByLabel('Numéro de convention').inputValue(),
      (value) => value === 'ARS-OC-2021-007',
    );
    expect(await page.getByLabel('Numéro d’engagement juridique (EJ)').inputValue()).toBe('2100012345');
  });

  it('plans the tranches: the balance split in two', async () => {
    const schedule = page.getByRole('table', { name: 'Tranches prévues' });
    expect(await schedule.getByRole('row').count()).toBe(3);
    expect(await page.getByLabel('Intitulé de la tranche 2').inputValue()).toBe('Solde');
    await page.getByLabel('Montant de la tranche 2 (en euros)').fill('50 000');
    await page.getByRole('button', { name: 'Ajouter une tranche' }).click();
    await page.getByLabel('Intitulé de la tranche 3').fill('Complément');
    await page.getByLabel('Échéance de la tranche 3').fill('2026-12-31');
    await page.getByLabel('Montant de la tranche 3 (en euros)').fill('5 000');
    await page.getByRole('button', { name: 'Enregistrer l’échéancier' }).click();
    await page.getByText('Échéancier enregistré.').waitFor();
    await until(
      () => schedule.getByRole('row').count(),
      (n) => n === 4,
    );
    expect(await schedule.getByRole('row', { name: /Complément/ }).innerText()).toMatch(euros('5 000,00 €'));
  });

  it('records a payment on a tranche, then moves it to another', async () => {
    const form = page.getByRole('form', { name: 'Enregistrer un versement' });
    const tranche = form.getByLabel('Tranche réglée');
    const complement = await tranche.locator('option', { hasText: 'Complément' }).getAttribute('value');
    await tranche.selectOption(complement!);
    await form.getByLabel('Nature du versement').selectOption({ label: 'Acompte' });
    await form.getByLabel('Montant du versement (en euros)').fill('5 000');
    await form.getByLabel('Versé le').fill('2026-11-30');
    await form.getByRole('button', { name: 'Enregistrer le versement' }).click();
    await page.getByText('Versement enregistré.').waitFor();

    const payments = page.getByRole('table', { name: 'Versements effectués' });
    const newest = payments.getByRole('row', { name: /30 nov\. 2026/ });
    await until(
      () => newest.getByRole('cell').nth(3).innerText(),
      (text) => text === 'Complément',
    );
    const moveTo = newest.getByLabel(/^Tranche réglée par le versement du 30 nov\. 2026/);
    const balance = await moveTo.locator('option', { hasText: /^Solde/ }).getAttribute('value');
    await moveTo.selectOption(balance!);
    await newest.getByRole('button', { name: 'Changer la tranche' }).click();
    await until(
      () => newest.getByRole('cell').nth(3).innerText(),
      (text) => text === 'Solde',
    );
    expect(await page.locator('main dl').first().innerText()).toMatch(euros('Montant versé\n60 000,00 €'));
  });

  it('records the final report as received, and the overdue list shrinks', async () => {
    const reports = page.getByRole('table', { name: 'Comptes rendus attendus du porteur' });
    expect(await reports.getByRole('row', { name: /Bilan final/ }).innerText()).toMatch(/En retard/i);
    await page.getByLabel('Reçu le (compte rendu 2)').fill('2026-12-01');
    await page.getByRole('button', { name: 'Enregistrer les comptes rendus' }).click();
    await page.getByText('Comptes rendus enregistrés.').waitFor();
    await until(
      () => reports.getByRole('row', { name: /Bilan final/ }).innerText(),
      (text) => text.includes('1 déc. 2026'),
    );
    await screenshot(page, 'grants-grant-page');

    await page.goto('/comptes-rendus-en-retard');
    await page.getByText('Comptes rendus en retard — 11 résultats').waitFor();
    expect(await overdueTable().getByRole('link', { name: PROJECT }).count()).toBe(0);
  });

  it('shows the auditor the same grant, to read only', async () => {
    const auditor = await signIn(
      browser,
      stack,
      DEMO.auditor,
      `/projets?recherche=${encodeURIComponent('Accueil écoute jeunes')}`,
    );
    await auditor.getByRole('link', { name: PROJECT }).first().click();
    await auditor.getByRole('link', { name: /^Subvention : engagement, échéancier/ }).click();
    await auditor.getByRole('heading', { level: 1, name: `Subvention du projet « ${PROJECT} »` }).waitFor();
    await auditor.getByText('ARS-OC-2021-007').waitFor();
    await auditor.getByRole('table', { name: 'Versements effectués' }).waitFor();
    expect(await auditor.getByRole('button', { name: /^Enregistrer|^Changer/ }).count()).toBe(0);
    await screenshot(auditor, 'grants-grant-page-auditor');
  });
});
