import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { download, euros, expectConsoleErrors, launchBrowser, screenshot, signIn } from '../support/browser';
import { demoCallId } from '../support/factories';
import { api, DEMO, login, until } from '../support/http';
import { occitanieMapDrawn } from '../support/occitanie-map';
import { Stack } from '../support/stack';

const CALL_2021 = 'AMI 2021 — Réduire les inégalités sociales de santé dans les territoires';
/** The demo's poverty rate by department (values illustrative, its source says so). */
const POVERTY = 'taux_pauvrete_dep';
const POVERTY_LABEL = /^Taux de pauvreté monétaire .* \(Département, 2021\)$/;

/** The demo's 13 departments with a value each: Haute-Garonne (31) now the most deprived. */
const GOOD_FILE = [
  'code;valeur',
  ...['09', '11', '12', '30', '32', '34', '46', '48', '65', '66', '81', '82'].map((code) => `${code};15,5`),
  '31;31,2',
].join('\n');
/** A file whose line 3 names no department of Occitanie and line 4 has no number. */
const BAD_FILE = 'code;valeur\n09;18,6\n75;12\n11;beaucoup\n';

/** The index as the screen writes it, to 4 decimals in French. */
const frenchIndex = (value: number) =>
  value.toLocaleString('fr-FR', { minimumFractionDigits: 4, maximumFractionDigits: 4 });

/** Issue 15's screen: funding, contracts and publics against deprivation, indicators loaded by the mission. */
describe('the equity screen in the browser', () => {
  let stack: Stack;
  let browser: Browser;
  let callId: string;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([Stack.start('web-equity'), launchBrowser()]);
    callId = await demoCallId(stack, await login(stack, DEMO.delegate), 2021);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const equityOf = (page: Page) => page.getByRole('link', { name: 'Équité' }).first();
  const departmentRows = (page: Page) => page.getByRole('table', { name: /^Par département/ }).locator('tbody tr');

  /** Chooses the demo's poverty rate and the 2021 call in the screen's selects (which wait for their options). */
  async function choose(page: Page): Promise<void> {
    await page.getByLabel('Indicateur de défavorisation (par département)').selectOption(POVERTY);
    await page.getByLabel('Appel ou année').selectOption({ label: CALL_2021 });
    await departmentRows(page).first().waitFor();
  }

  it('shows the delegate the map, the departments, the quintiles and the concentration index with its reading', async () => {
    const page = await signIn(browser, stack, DEMO.delegate);
    await equityOf(page).click();
    await page.getByRole('heading', { name: 'Équité', level: 1 }).waitFor();
    await page.getByText('Choisissez un indicateur et un appel ou une année').waitFor();
    const indicators = page.getByLabel('Indicateur de défavorisation (par département)');
    // Department-level indicators only: the EPCIs' deprivation index ranks the contracts' coverage.
    expect((await indicators.locator('option').allInnerTexts()).slice(1)).toEqual([
      expect.stringMatching(POVERTY_LABEL),
    ]);
    await choose(page);
    expect(new URL(page.url()).search).toBe(`?indicateur=${POVERTY}&appel=${callId}`);

    // The figures are the API's, on screen as they are answered.
    const funding = (
      await api(stack, await login(stack, DEMO.delegate))
        .get('/api/equity/funding')
        .query({ indicator: POVERTY, callId })
        .expect(200)
    ).body;
    const index = funding.concentrationIndex as number;
    await page.getByRole('heading', { name: `Indice de concentration : ${frenchIndex(index)}` }).waitFor();
    const reading =
      index > 0
        ? 'Au-dessus de 0 : le financement par habitant croît avec la défavorisation.'
        : 'En dessous de 0 : le financement par habitant se concentre sur les territoires les moins défavorisés.';
    await page.getByText(reading).waitFor();
    // The demo's values are illustrative, and the screen says so beside the figures.
    await page.getByText(/^Valeurs fictives de démonstration/).waitFor();

    expect(await departmentRows(page).count()).toBe(13);
    const lozere = funding.items.find((d: { code: string }) => d.code === '48');
    expect(await departmentRows(page).filter({ hasText: 'Lozère (48)' }).innerText()).toMatch(
      euros(
        `Lozère (48)\t76 486\t119 230,77 €\t59 615,38 €\t1,56 €\t15 %\t${frenchIndex(lozere.rank)}\t${lozere.quintile}`,
      ),
    );
    const quintiles = page.getByRole('table', { name: /^Par quintile de défavorisation/ });
    expect(await quintiles.locator('tbody tr th').allInnerTexts()).toEqual([
      'Quintile 1 (le moins défavorisé)',
      'Quintile 2',
      'Quintile 3',
      'Quintile 4',
      'Quintile 5 (le plus défavorisé)',
    ]);

    // The State's components drew: both maps of Occitanie (committed per inhabitant, the indicator), the bars.
    await occitanieMapDrawn(page.getByRole('img', { name: /selon l’engagé par habitant/ }));
    await occitanieMapDrawn(page.getByRole('img', { name: /selon l’indicateur/ }));
    await until(
      () => page.locator('bar-chart canvas').count(),
      (n) => n === 1,
    );

    // Coverage by signed contracts, by quintile of the EPCIs' deprivation index, and reach by public.
    const coverage = page.getByRole('table', { name: /^Population couverte par un contrat local de santé signé/ });
    // Its figures come from a request of their own: wait for them before counting.
    await until(
      () => coverage.locator('tbody tr').count(),
      (n) => n === 5,
    );
    expect(await coverage.locator('tbody tr td').nth(2).innerText()).toMatch(/^\d+(,\d)?\s%$/);
    await page
      .getByRole('table', { name: /par public cible$/ })
      .getByRole('row', { name: /^Jeunes/ })
      .waitFor();
    await page
      .getByRole('table', { name: /par participation des personnes concernées$/ })
      .getByRole('row', { name: /^Co-porté par les personnes concernées/ })
      .waitFor();
    // A reader who does not load indicators is offered no import nor creation.
    expect(await page.getByRole('heading', { name: 'Importer les valeurs d’un indicateur' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Nouvel indicateur' }).count()).toBe(0);
    await screenshot(page, 'equity-delegate');

    // The figures as a spreadsheet, built in the browser: BOM, `;`, the departments and the index.
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger les chiffres (CSV)' }).click(),
    ]);
    expect(file.suggestedFilename()).toBe(`equite-${POVERTY}-appel.csv`);
    const csv = readFileSync(await file.path(), 'utf8');
    expect(csv.startsWith('\uFEFFÉquité — AMI 2021')).toBe(true);
    expect(csv).toContain(`48;Lozère;76486;119230,77;59615,38;1,56;15;${String(lozere.rank).replace('.', ',')};`);
    expect(csv).toContain(`;${String(index).replace('.', ',')}\r\n`);

    // The equity report, generated by the worker.
    await page.getByRole('button', { name: 'Générer le rapport d’équité (PDF)' }).click();
    const pdf = await download(page.getByRole('link', { name: /Télécharger le rapport d’équité/ }));
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.head.subarray(0, 4).toString()).toBe('%PDF');
    await page.context().close();
  });

  it('lets the mission officer import a file (a bad line named, nothing changed; a good one replaces the values) and create an indicator', async () => {
    const page = await signIn(browser, stack, DEMO.officer, '/equite');
    await choose(page);
    const garonne = departmentRows(page).filter({ hasText: 'Haute-Garonne (31)' });
    expect(await garonne.innerText()).toContain('\t13,5 %\t');

    const form = page.getByRole('region', { name: 'Importer les valeurs d’un indicateur' });
    await form.getByLabel('Indicateur', { exact: true }).selectOption({ value: POVERTY });
    const upload = (name: string, text: string) =>
      form
        .getByLabel('Fichier CSV des valeurs')
        .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

    expectConsoleErrors(page, /status of 400/);
    await upload('mauvais.csv', BAD_FILE);
    await form.getByRole('button', { name: 'Importer le fichier' }).click();
    const refusal = form.locator('.fr-alert--error');
    await refusal.getByText('Le fichier n’a pas été importé : corrigez ces lignes').waitFor();
    const lines = await refusal.getByRole('listitem').allInnerTexts();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^ligne 3 : .*75/);
    expect(lines[1]).toMatch(/^ligne 4 : /);
    expect(await garonne.innerText()).toContain('\t13,5 %\t');

    await upload('bon.csv', GOOD_FILE);
    await form.getByRole('button', { name: 'Importer le fichier' }).click();
    await form.getByText('13 valeurs importées : elles remplacent les précédentes.').waitFor();
    // The figures follow: Haute-Garonne is now the most deprived department, in quintile 5.
    await until(
      () => garonne.innerText(),
      (text) => /\t31,2 %\t[\d,]+\t5$/.test(text),
    );
    const history = form.getByRole('table', { name: /^Historique des imports/ });
    await until(
      () => history.locator('tbody tr').count(),
      (n) => n === 2,
    );
    expect(await history.locator('tbody tr').first().innerText()).toMatch(/\tInès Fabre\t13\t[0-9a-f]{64}$/);
    await screenshot(page, 'equity-import');

    // A new indicator, lower values worse: offered at once for the funding figures and the import.
    const creation = page.getByRole('region', { name: 'Nouvel indicateur' });
    await creation.getByLabel(/^Code/).fill('revenu_median_dep');
    await creation.getByLabel('Intitulé', { exact: true }).fill('Revenu médian disponible par unité de consommation');
    await creation.getByLabel(/^Unité/).fill('€');
    await creation.getByLabel(/^Source/).fill('INSEE, Filosofi 2021');
    await creation.getByLabel('Année des valeurs', { exact: true }).fill('2021');
    await creation.getByLabel('Échelon', { exact: true }).selectOption({ label: 'Département' });
    await creation.getByLabel(/^Une valeur plus haute est plus défavorable/).uncheck({ force: true });
    await creation.getByRole('button', { name: 'Créer l’indicateur' }).click();
    await creation
      .getByText(
        'Indicateur « Revenu médian disponible par unité de consommation » créé : importez maintenant ses valeurs.',
      )
      .waitFor();
    await form.getByLabel('Indicateur', { exact: true }).selectOption({ value: 'revenu_median_dep' });
    await form.getByText('Aucun fichier n’a encore été importé pour cet indicateur.').waitFor();
    expect(
      await page.getByLabel('Indicateur de défavorisation (par département)').locator('option').allInnerTexts(),
    ).toContain('Revenu médian disponible par unité de consommation (Département, 2021)');
    await page.context().close();
  });

  it('shows a referent its department highlighted, without the import', async () => {
    const page = await signIn(browser, stack, DEMO.referent31);
    await equityOf(page).click();
    await choose(page);
    const mine = departmentRows(page).filter({ hasText: 'Haute-Garonne (31) — votre département' });
    expect(await mine.getAttribute('class')).toBe('app-highlighted-row');
    expect(await page.locator('tr.app-highlighted-row').count()).toBe(1);
    await page.getByText('Votre département est mis en évidence dans le tableau : Haute-Garonne (31).').waitFor();
    expect(await page.getByRole('heading', { name: 'Importer les valeurs d’un indicateur' }).count()).toBe(0);
    await screenshot(page, 'equity-referent');

    // The calls of a year rather than one call: the 2021 AMI is the only call of 2021, same index.
    const index = await page.getByRole('heading', { name: /^Indice de concentration/ }).innerText();
    await page.getByLabel('Appel ou année').selectOption({ label: 'Appels de 2021' });
    await page.waitForURL((url) => url.search === `?indicateur=${POVERTY}&annee=2021`);
    await page.getByRole('heading', { name: index }).waitFor();
    expect(await page.locator('tr.app-highlighted-row th').innerText()).toBe('Haute-Garonne (31) — votre département');
    await page.context().close();
  });

  it('gives a commission member no Équité entry, and "Accès refusé" when typed', async () => {
    const page = await signIn(browser, stack, DEMO.member);
    await page.getByRole('link', { name: 'Mes instances' }).first().waitFor();
    expect(await equityOf(page).count()).toBe(0);
    await page.goto('/equite');
    await page.getByRole('heading', { name: 'Accès refusé' }).waitFor();
    await page.context().close();
  });
});
