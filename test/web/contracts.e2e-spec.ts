import type { Browser, Page } from 'playwright-core';
import { download, euros, launchBrowser, screenshot, signIn } from '../support/browser';
import { api, DEMO, login } from '../support/http';
import { occitanieMapDrawn } from '../support/occitanie-map';
import { Stack } from '../support/stack';

/**
 * Local health contracts from start to finish: a referent creates one for its department, its
 * territory picked by search among the reference communes and EPCIs, then edits it; the delegate
 * reads the coverage by department; the actions' CSV comes back with a result per line.
 */
describe('local health contracts and the actions import in the browser', () => {
  let stack: Stack;
  let browser: Browser;
  let referent: Page;
  let contractUrl: string;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([Stack.start('web-contracts', { worker: false }), launchBrowser()]);
    referent = await signIn(browser, stack, DEMO.referent34);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('creates a contract for its department, picking a commune and an EPCI by search', async () => {
    await referent.getByRole('link', { name: 'Contrats locaux de santé' }).first().click();
    await referent.getByRole('link', { name: 'Nouveau contrat' }).click();
    await referent.getByRole('heading', { name: 'Nouveau contrat local de santé' }).waitFor();
    // Only its own department is offered.
    expect(await referent.getByLabel('Département').locator('option').allInnerTexts()).toEqual(['Hérault (34)']);
    await referent.getByLabel('Nom du contrat').fill('CLS du Biterrois');
    await referent.getByLabel('Signataires').fill('Ville de Béziers\nARS Occitanie');
    await referent.getByLabel('Coordinateur ou coordinatrice').fill('Claire Martin');

    await referent.getByLabel('Rechercher une commune').fill('pezenas');
    await referent.getByRole('button', { name: 'Ajouter la commune Pézenas (34199)' }).click();
    await referent.getByLabel('Rechercher un EPCI').fill('beziers');
    await referent.getByRole('button', { name: 'Ajouter l’EPCI CA de Béziers-Méditerranée' }).click();
    const communes = referent.getByRole('table', { name: /Communes du contrat/ });
    await communes.getByText('Pézenas (34199)').waitFor();
    await referent
      .getByRole('table', { name: /EPCI ajoutés/ })
      .getByText(/CA de Béziers-Méditerranée — 17 communes/)
      .waitFor();
    await screenshot(referent, 'contract-new');

    await referent.getByRole('button', { name: 'Créer le contrat' }).click();
    await referent.getByRole('heading', { name: 'CLS du Biterrois' }).waitFor();
    contractUrl = referent.url();
    const facts = referent.locator('.app-facts');
    await facts.getByText(/^18 communes : .*Béziers/).waitFor(); // Pézenas and the EPCI's 17
    await facts.getByText('Ville de Béziers, ARS Occitanie').waitFor();
    expect(await facts.textContent()).toContain('Claire Martin');
  });

  it('edits it: a commune removed, signed, saved at the version read', async () => {
    await referent.getByRole('link', { name: 'Modifier le contrat' }).click();
    await referent.getByRole('heading', { name: 'Modifier « CLS du Biterrois »' }).waitFor();
    await referent.getByRole('button', { name: 'Retirer la commune Pézenas (34199)' }).click();
    expect(await referent.getByRole('button', { name: /Retirer la commune Pézenas/ }).count()).toBe(0);
    await referent.getByLabel('État').selectOption('signed');
    await referent.getByLabel('Signé le').fill('2026-10-01');
    await referent.getByLabel('Fin du contrat').fill('2031-09-30');
    await referent.getByLabel('Part de l’ARS dans le poste de coordination (en euros)').fill('25 000');
    await screenshot(referent, 'contract-edit');
    await referent.getByRole('button', { name: 'Enregistrer le contrat' }).click();
    await referent.waitForURL(contractUrl);
    const facts = referent.locator('.app-facts');
    await facts.getByText(/^17 communes/).waitFor();
    expect(await facts.textContent()).toMatch(/Signé[\s\S]*1 oct\. 2026[\s\S]*30 sept\. 2031/);
    expect(await facts.textContent()).not.toContain('Pézenas');
    expect(await facts.textContent()).toMatch(euros('cofinancé par l’ARS : 25 000,00 €'));
  });

  it('shows the delegate the coverage by department, as a map of Occitanie and a table', async () => {
    const delegate = await signIn(browser, stack, DEMO.delegate);
    await delegate.getByRole('link', { name: 'Couverture des CLS' }).first().click();
    await delegate.getByRole('heading', { name: 'Couverture par les contrats locaux de santé' }).waitFor();
    const table = delegate.getByRole('table', { name: 'Couverture par département' });
    await table.locator('tbody tr').first().waitFor();
    expect(await table.locator('tbody tr').count()).toBe(13);

    const coverage = (await api(stack, await login(stack, DEMO.delegate)).get('/api/local-health-contracts/coverage'))
      .body;
    const herault = coverage.byDepartment.find((d: { code: string }) => d.code === '34');
    expect(herault.signed).toBeGreaterThan(0); // the referent's contract, signed, among them
    const cells = await table
      .getByRole('row', { name: /Hérault \(34\)/ })
      .locator('td')
      .allInnerTexts();
    expect(cells.slice(3)).toEqual([String(herault.signed), String(herault.inPreparation)]);
    expect(cells[0].replace(/\s/g, '')).toBe(String(herault.population));

    // Every department of the region coloured on the map (its geometry is bundled: no network).
    await occitanieMapDrawn(delegate);
    await screenshot(delegate, 'contracts-coverage');
    // From the table to the department's contracts, the referent's among them.
    await table.getByRole('link', { name: 'Hérault (34)' }).click();
    await delegate.getByRole('heading', { name: 'Contrats locaux de santé', level: 1 }).waitFor();
    expect(await delegate.getByLabel('Département').inputValue()).toBe('34');
    await delegate.getByRole('link', { name: 'CLS du Biterrois' }).waitFor();
    await screenshot(delegate, 'contracts-list');
    await delegate.context().close();
  });

  it('imports the actions’ CSV: a good line applied, a bad one refused with its reason, nothing written for it', async () => {
    const token = await login(stack, DEMO.referent34);
    const officer = api(stack, await login(stack, DEMO.officer));
    for (const title of ['Ateliers santé des aidants', 'Permanences santé-social'])
      await officer
        .post('/api/roadmaps/2022/actions')
        .send({ axisCode: 'PE', title, pilot: 'Mission ISS', departmentCodes: ['34'] })
        .expect(201);
    const actions = (await api(stack, token).get('/api/actions?departmentCode=34&limit=200')).body.items;
    const [good, bad] = ['Ateliers santé des aidants', 'Permanences santé-social'].map((t) =>
      actions.find((a: { title: string }) => a.title === t),
    );

    await referent.getByRole('link', { name: 'Import des actions' }).first().click();
    await referent.getByRole('heading', { name: 'Import des mises à jour d’actions' }).waitFor();
    const template = await download(
      referent.getByRole('link', { name: 'Télécharger les actions à mettre à jour (CSV)' }),
    );
    expect(template.contentType).toMatch(/^text\/csv/);

    const csv = [
      'id;version;axe;titre;pilote;departements;statut;avancement;commentaire',
      `${good.id};${good.version};PE;Ateliers santé des aidants;Mission ISS;34;En cours;40;Deux ateliers tenus`,
      `${bad.id};${bad.version};PE;Permanences santé-social;Mission ISS;34;En cours;150;Trop`,
    ].join('\n');
    await referent
      .getByLabel('Fichier CSV des actions')
      .setInputFiles({ name: 'actions.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await referent.getByRole('button', { name: 'Importer le fichier' }).click();
    const result = referent.getByRole('table', { name: 'Résultat ligne par ligne' });
    await result.locator('tbody tr').first().waitFor();
    await referent.getByText(/1 ligne appliquée, 1 ligne refusée/).waitFor();
    expect(await result.getByRole('row', { name: /^2 / }).textContent()).toMatch(/Appliquée \(version 2\)/);
    expect(await result.getByRole('row', { name: /^3 / }).textContent()).toMatch(
      /Refusée.*Colonne « avancement » : un pourcentage entier de 0 à 100/,
    );
    await screenshot(referent, 'actions-import');

    const after = async (id: string) => (await api(stack, token).get(`/api/actions/${id}`)).body;
    expect(await after(good.id)).toMatchObject({ status: 'in_progress', progressPercent: 40, version: 2 });
    expect(await after(bad.id)).toMatchObject({ status: bad.status, progressPercent: 0, version: bad.version });
  });
});
