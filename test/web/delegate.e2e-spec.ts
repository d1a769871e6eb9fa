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
    // Everything to read comes first, the decision after it.
    await page.getByRole('heading', { name: 'Décision sur le dossier' }).waitFor();
    expect(await page.locator('main h2').allInnerTexts()).toEqual([
      'Résumé du projet',
      'Porteur',
      'Budget',
      'Avant de décider',
      'Avis départementaux',
      'Notation',
      'Historique',
      'Décision sur le dossier',
    ]);
    await page.getByText('Le porteur n’a pas rédigé de résumé.').waitFor();
    await page.getByText(`${CALL_2023} — axe : « Aller vers » les publics éloignés du soin`).waitFor();
    await page.getByText('Haute-Garonne (31)', { exact: true }).waitFor();
    await page.getByText(/Haute-Garonne \(31\) : Favorable/).waitFor();

    // What the decision changes: the call's envelope now and once the 85 000 € are granted, the rank.
    const context = page.locator('section', { has: page.getByRole('heading', { name: 'Avant de décider' }) });
    expect(await context.getByRole('row', { name: /^Appel/ }).innerText()).toMatch(
      euros('Appel\t1 200 000,00 €\t1 200 000,00 €\t1 115 000,00 €'),
    );
    await context.getByRole('columnheader', { name: euros('Reste après attribution (85 000,00 €)') }).waitFor();
    expect(await context.getByRole('row', { name: /^Axe/ }).innerText()).toBe(
      'Axe : « Aller vers » les publics éloignés du soin\tpas d’enveloppe propre à l’axe',
    );
    expect(await context.locator('p').first().innerText()).toMatch(
      /Note pondérée : non noté — classement : 1\s?er sur 2 dossiers en instruction/,
    );
    await page.getByText('Aucun évaluateur n’a encore noté ce dossier.').waitFor();
    await page.getByText(/Déposé → En instruction/).waitFor();

    // The moves: the one that keeps the application going first and emphasised, those ending it last.
    const moves = page.locator('section', { has: page.getByRole('heading', { name: 'Décision sur le dossier' }) });
    expect(await moves.getByRole('listitem').allInnerTexts()).toEqual([
      'Retenir',
      'Renvoyer pour correction',
      'Refuser',
      'Retirer',
    ]);
    const priorityOf = async (name: string) =>
      (await moves.getByRole('button', { name, exact: true }).getAttribute('class'))?.includes('fr-btn--secondary')
        ? 'secondary'
        : 'primary';
    expect(await priorityOf('Retenir')).toBe('primary');
    for (const move of ['Renvoyer pour correction', 'Refuser', 'Retirer'])
      expect(await priorityOf(move)).toBe('secondary');
    // A refusal needs its reason, a selection no comment: the project's `commentRequiredFor` says which.
    await page.getByRole('button', { name: 'Refuser', exact: true }).click();
    expect(await page.getByLabel('Motif (obligatoire)').getAttribute('required')).not.toBeNull();
    await page.getByRole('button', { name: 'Retenir', exact: true }).click();
    await page.getByLabel('Commentaire (facultatif)').waitFor();
    expect(await page.getByLabel('Commentaire (facultatif)').getAttribute('required')).toBeNull();
    await screenshot(page, 'delegate-project');
  });

  it('decides with the keyboard alone', async () => {
    await page.reload();
    await page.getByRole('heading', { name: 'Décision sur le dossier' }).waitFor();
    const focus = page.locator(':focus');
    const focused = async () => ((await focus.count()) > 0 ? (await focus.first().innerText()).trim() : '');
    for (let tabs = 0; (await focused()) !== 'Retenir'; tabs++) {
      expect(tabs).toBeLessThan(150);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    const comment = page.getByLabel('Commentaire (facultatif)');
    await comment.waitFor();
    await until(
      async () => (await focus.count()) > 0 && (await focus.first().getAttribute('id')) === 'decision-comment',
      (isFocused) => isFocused,
    );
    await page.keyboard.type('Retenu au vu de l’avis favorable.');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Confirmer : Retenir');
    await page.keyboard.press('Enter');
    await page.getByText(/En instruction → Retenu — « Retenu au vu de l’avis favorable. »/).waitFor();
    await page.getByText(/hors classement/).waitFor();
  });

  it('sees the remaining envelope before confirming the grant', async () => {
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
