import type { Browser, Page } from 'playwright-core';
import { euros, launchBrowser, screenshot, scriptErrorsOf, signIn } from '../support/browser';
import { DEMO, until } from '../support/http';
import { Stack } from '../support/stack';

const CALL_2021 = 'AMI 2021 — Réduire les inégalités sociales de santé dans les territoires';
const CALL_2023 = 'AMI 2023 — Aller vers et littératie en santé';

/** Journey 1: the regional delegate reviews the projects and decides a grant, on the demo data. */
describe('the regional delegate in the browser', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([Stack.start('web-delegate', { worker: false }), launchBrowser()]);
    page = await signIn(browser, stack, DEMO.delegate, '/tableau-de-bord');
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const card = (title: string) => page.locator('section', { has: page.getByRole('heading', { name: title }) });

  it('sees every call’s envelope, committed, paid and remaining, and its projects by status', async () => {
    await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
    const ami2021 = card(CALL_2021);
    await ami2021.getByText('Reste à engager').waitFor();
    const figures = await ami2021.locator('dl').innerText();
    expect(figures).toMatch(euros('Enveloppe 1 700 000,00 €'));
    expect(figures).toMatch(euros('Engagé 1 700 000,00 €'));
    expect(figures).toMatch(euros('Versé 1 080 000,00 €'));
    expect(figures).toMatch(euros('Reste à engager 0,00 €'));
    expect(await ami2021.getByRole('figure').innerText()).toMatch(euros('Versé : 1 080 000,00 €'));
    await ami2021.getByRole('link', { name: 'En cours : 12' }).waitFor();
    await ami2021.getByRole('link', { name: 'Clôturé : 4' }).waitFor();
    await card(CALL_2023).getByRole('link', { name: 'En instruction : 2' }).waitFor();
    await screenshot(page, 'delegate-dashboard');
  });

  it('filters the project list by call and status, and searches it', async () => {
    await page.getByRole('link', { name: 'En instruction : 2' }).click();
    await page.getByRole('heading', { level: 1, name: 'Projets', exact: true }).waitFor();
    await page.getByText('Projets — 2 résultats').waitFor();
    await page.getByRole('link', { name: 'Camion santé dans les quartiers nord de Toulouse' }).waitFor();
    await page.getByRole('link', { name: 'Maraudes santé à Montpellier' }).waitFor();

    await page.getByLabel('Recherche').fill('toulouse');
    await page.getByLabel('Public cible').selectOption({ label: 'Personnes en situation de précarité' });
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.getByText('Projets — 1 résultat').waitFor();
    expect(await page.getByLabel('Appel', { exact: true }).inputValue()).not.toBe('');
    await screenshot(page, 'delegate-projects');
  });

  it('reads a project: holder, budget, opinions, scores, history and the moves allowed', async () => {
    await page.getByRole('link', { name: 'Camion santé dans les quartiers nord de Toulouse' }).click();
    await page.getByRole('heading', { level: 1, name: 'Camion santé dans les quartiers nord de Toulouse' }).waitFor();
    await page.getByText('Association Santé Quartiers Nord').waitFor();
    expect(await page.getByText('Montant demandé').innerText()).toMatch(euros('85 000,00 €'));
    for (const section of ['Porteur', 'Budget', 'Avis départementaux', 'Notation', 'Historique'])
      await page.getByRole('heading', { name: section }).waitFor();
    await page.getByText(/Déposé → En instruction/).waitFor();
    for (const move of ['Retenir', 'Refuser', 'Renvoyer pour correction', 'Retirer'])
      await page.getByRole('button', { name: move, exact: true }).waitFor();
    // A refusal needs its reason, a selection no comment: the project's `commentRequiredFor` says which.
    await page.getByRole('button', { name: 'Refuser', exact: true }).click();
    expect(await page.getByLabel('Motif (obligatoire)').getAttribute('required')).not.toBeNull();
    await page.getByRole('button', { name: 'Retenir', exact: true }).click();
    await page.getByLabel('Commentaire (facultatif)').waitFor();
    expect(await page.getByLabel('Commentaire (facultatif)').getAttribute('required')).toBeNull();
    await screenshot(page, 'delegate-project');
  });

  it('selects the project, then sees the remaining envelope before confirming the grant', async () => {
    await page.getByRole('button', { name: 'Retenir', exact: true }).click();
    await page.getByRole('button', { name: 'Confirmer : Retenir' }).click();
    await page.getByText('Retenu', { exact: true }).first().waitFor();

    await page.getByRole('button', { name: 'Attribuer une subvention' }).click();
    const dialog = page.getByRole('dialog', { name: 'Attribuer une subvention' });
    await dialog.getByText('Reste de l’enveloppe de l’appel').waitFor();
    expect(await dialog.innerText()).toMatch(euros('Reste de l’enveloppe de l’appel : 1 200 000,00 €'));
    await screenshot(page, 'delegate-grant-dialog');

    await dialog.getByLabel('Montant de la subvention (en euros)').fill('2 000 000');
    await dialog.getByRole('button', { name: 'Confirmer l’attribution' }).click();
    await dialog.getByText('Le montant dépasse ce qui reste de l’enveloppe de l’appel ou de l’axe.').waitFor();

    await dialog.getByLabel('Montant de la subvention (en euros)').fill('80 000');
    await dialog.getByRole('button', { name: 'Confirmer l’attribution' }).click();
    await page.getByText('Subvention attribuée', { exact: true }).waitFor();
    expect(await page.getByText('engagés sur l’enveloppe de l’appel').innerText()).toMatch(euros('80 000,00 €'));
    expect(await page.getByText('Subvention attribuée :').innerText()).toMatch(
      euros('80 000,00 €, dont 0,00 € versés'),
    );
  });

  it('finds the grant on the dashboard', async () => {
    await page.getByRole('link', { name: 'Tableau de bord' }).first().click();
    const figures = card(CALL_2023).locator('dl');
    await figures.getByText(/Reste à engager/).waitFor();
    const remaining = euros('Reste à engager 1 120 000,00 €');
    await until(
      () => figures.innerText(),
      (text) => remaining.test(text),
    );
  });

  it('raised no script error in the browser along the way', () => {
    expect(scriptErrorsOf(page)).toEqual([]);
  });
});
