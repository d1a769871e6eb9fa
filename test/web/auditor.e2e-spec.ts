import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { download, launchBrowser, screenshot, scriptErrorsOf, signIn } from '../support/browser';
import { DEMO } from '../support/http';
import { Stack } from '../support/stack';

const CALL_2021 = 'AMI 2021 — Réduire les inégalités sociales de santé dans les territoires';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The few browser globals the status watcher uses (this program is type-checked without the DOM). */
interface BrowserGlobals {
  document: { body: unknown; querySelectorAll(selector: string): Iterable<{ textContent: string | null }> };
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void };
  reportStatuses: string[];
  reportProgress: string[];
}

/**
 * Records every text the report's status line and its progress line show, so a fast worker cannot
 * hide "queued" or "running".
 */
function watchReportStatus(page: Page): Promise<void> {
  return page.evaluate(() => {
    const browser = globalThis as unknown as BrowserGlobals;
    const lines: Record<string, string[]> = {
      'État du rapport': (browser.reportStatuses = []),
      'Génération en cours': (browser.reportProgress = []),
    };
    const record = () => {
      for (const [start, seen] of Object.entries(lines)) {
        const line = [...browser.document.querySelectorAll('p')].find((p) => p.textContent?.startsWith(start));
        const text = line?.textContent ?? '';
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }
    };
    new browser.MutationObserver(record).observe(browser.document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
}

/** A downloaded file's name and whole text (the shared `download` keeps only its head). */
async function downloadText(link: Locator): Promise<{ fileName: string; text: string }> {
  const [file] = await Promise.all([link.page().waitForEvent('download'), link.click()]);
  return { fileName: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

const seenStatuses = (page: Page) => page.evaluate(() => (globalThis as unknown as BrowserGlobals).reportStatuses);
const seenProgress = (page: Page) => page.evaluate(() => (globalThis as unknown as BrowserGlobals).reportProgress);

/** Journey 4: the auditor exports a call's funding reports and reads the audit trail, on the demo data. */
describe('the auditor in the browser', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([Stack.start('web-auditor'), launchBrowser()]);
    page = await signIn(browser, stack, DEMO.auditor, '/rapports-financement');
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('requests the funding PDF of a call, sees it go from queued to done, and downloads it', async () => {
    await page.getByRole('heading', { name: 'Rapports de financement' }).waitFor();
    await page.getByLabel('Appel à manifestation d’intérêt').selectOption({ label: CALL_2021 });
    await watchReportStatus(page);
    await page.getByRole('button', { name: 'Générer le rapport PDF' }).click();
    const link = page.getByRole('link', { name: /Télécharger le rapport \(PDF, \d+ ko\)/ });
    // The worker renders the whole 2021 ledger; on a busy shared machine that takes a while.
    await link.waitFor({ timeout: 75_000 });
    const statuses = await seenStatuses(page);
    expect(statuses[0]).toBe('État du rapport : En file d’attente');
    expect(statuses[statuses.length - 1]).toBe('État du rapport : Prêt');
    // While it ran (if the browser saw it run), the percent was shown with a bar; once done, neither.
    const progress = await seenProgress(page);
    if (statuses.includes('État du rapport : En cours de génération')) expect(progress.length).toBeGreaterThan(0);
    for (const line of progress) expect(line).toMatch(/^Génération en cours : \d{1,2} %$/);
    expect(await page.getByRole('progressbar').count()).toBe(0);
    expect(await page.getByText(/^Génération en cours/).count()).toBe(0);
    await screenshot(page, 'auditor-funding-report');

    const pdf = await download(link);
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.fileName).toMatch(/^funding-[0-9a-f-]{36}\.pdf$/);
    expect(pdf.head.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.size).toBeGreaterThan(5_000);
  }, 120_000);

  it('downloads the ledger as CSV and as XLSX', async () => {
    const csv = await download(page.getByRole('link', { name: 'Télécharger le tableur CSV' }));
    expect(csv.contentType).toMatch(/^text\/csv/);
    expect(csv.fileName).toMatch(/^financements-[0-9a-f-]{36}\.csv$/);
    expect(csv.head.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf])); // UTF-8 BOM, for Excel
    expect(csv.size).toBeGreaterThan(1_000);

    const xlsx = await download(page.getByRole('link', { name: 'Télécharger le classeur Excel (XLSX)' }));
    expect(xlsx.contentType).toBe(XLSX);
    expect(xlsx.fileName).toMatch(/^financements-[0-9a-f-]{36}\.xlsx$/);
    expect(xlsx.head.subarray(0, 2).toString()).toBe('PK'); // a zip, as every XLSX
    expect(xlsx.size).toBeGreaterThan(3_000);
  });

  it('previews the call’s figures and lists its own reports in "Mes exports", with size, data hash and download', async () => {
    const preview = page.getByRole('table', { name: 'Chiffres de l’appel, par axe' });
    const total = preview.getByRole('row', { name: /^Total de l’appel/ });
    const cells = await total.getByRole('cell').allTextContents();
    expect(cells).toHaveLength(4);
    for (const cell of cells) expect(cell).toMatch(/^(\d{1,3}([\s\u202f]\d{3})*,\d\d\s€|—)$/);
    expect(await preview.locator('tbody tr').count()).toBeGreaterThan(0);

    const mine = page.getByRole('table', { name: 'Mes rapports, du plus récent au plus ancien' });
    const newest = mine.locator('tbody tr').first();
    await newest.getByText('Prêt').waitFor();
    await newest.getByText(CALL_2021).waitFor();
    const [listed] = (await (await page.request.get('/api/reports?limit=1')).json()).items;
    expect(listed).toMatchObject({ kind: 'funding', status: 'done', progressPercent: 100 });
    await newest.getByText(`${listed.dataSha256.slice(0, 16)}…`).waitFor();
    await newest.getByText(/^\d+ ko$/).waitFor();
    await screenshot(page, 'auditor-my-exports');
    const pdf = await download(newest.getByRole('link', { name: /^Télécharger/ }));
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.size).toBe(listed.fileSize);
  });

  it('shows a running report’s progress in words and as a bar, in the job and in "Mes exports"', async () => {
    // The demo's ledger renders within a second: the API's answers about reports are held at "running,
    // 45 %" (the newest one in the list) to see that state as the auditor would on a big call.
    const running = (r: object) => ({
      ...r,
      status: 'running',
      progressPercent: 45,
      fileSize: null,
      fileSha256: null,
      dataSha256: null,
      finishedAt: null,
    });
    await page.route(/\/api\/reports(\/[0-9a-f-]{36})?(\?.*)?$/, async (route) => {
      if (route.request().method() !== 'GET') return route.continue();
      // Answered from the API by the context's own client rather than route.fetch: a poll the app
      // cancelled meanwhile made route.fetch throw, and the request left unanswered stalled the polling.
      const response = await page.request.get(route.request().url());
      const body = await response.json();
      const items = body.items?.map((r: object, i: number) => (i === 0 ? running(r) : r));
      // Fulfilling a poll the browser already dropped fails, and nobody waits for that answer.
      await route
        .fulfill({ status: response.status(), json: items ? { ...body, items } : running(body) })
        .catch(() => undefined);
    });
    try {
      await page.goto('/rapports-financement');
      await page.getByLabel('Appel à manifestation d’intérêt').selectOption({ label: CALL_2021 });
      await page.getByRole('button', { name: 'Générer le rapport PDF' }).click(); // the same request: the same report
      await page.getByText('État du rapport : En cours de génération').waitFor();
      await page.getByText('Génération en cours : 45 %').first().waitFor();
      const bar = page.getByRole('progressbar', { name: 'Avancement de la génération (le rapport)' });
      expect(await bar.getAttribute('value')).toBe('45');
      const newest = page
        .getByRole('table', { name: 'Mes rapports, du plus récent au plus ancien' })
        .locator('tbody tr');
      await newest
        .first()
        .getByRole('progressbar', { name: /^Avancement du rapport du / })
        .waitFor();
      expect(await newest.first().innerText()).toContain('Génération en cours : 45 %');
      await screenshot(page, 'auditor-report-running');
    } finally {
      // The page keeps polling: wait for the handlers in flight, or one would answer a request the
      // browser already let through ("Route is already handled") and fail a later test.
      await page.unrouteAll({ behavior: 'wait' });
    }
  });

  it('follows the audit trail of a funded project and of its grant', async () => {
    await page.goto('/projets?statut=in_progress&recherche=Parents%20et%20enfants');
    await page.getByRole('link', { name: 'Parents et enfants : renforcer les compétences psychosociales' }).click();
    await page.getByRole('link', { name: 'Journal d’audit du projet' }).click();
    await page.getByRole('heading', { name: 'Journal d’audit' }).waitFor();
    await page.getByRole('cell', { name: 'Création du projet' }).waitFor();
    expect(await page.getByRole('cell', { name: 'Changement d’état' }).count()).toBeGreaterThan(0);
    await page.getByText('Statut : Convention signée → En cours').waitFor();
    await screenshot(page, 'auditor-audit-trail');

    await page.goBack();
    await page.getByRole('link', { name: 'Journal d’audit de la subvention' }).click();
    await page.getByRole('cell', { name: 'Attribution de la subvention' }).waitFor();
  });

  it('searches the trail by a project’s title and reads its events in words, euros and names', async () => {
    await page.goto('/journal');
    await page.getByRole('heading', { name: 'Journal d’audit' }).waitFor();
    // The verification runs as a job: requested from the screen, its result shown once the worker is done.
    await page.getByRole('button', { name: 'Vérifier la chaîne du journal' }).click();
    await page.getByText('Chaîne du journal intègre').waitFor({ timeout: 60_000 });
    await page.getByText(/Vérification demandée le .* : Terminée, le /).waitFor();
    await page.getByText(/Dernier scellement : |Le journal n’a encore jamais été scellé\./).waitFor();

    await page.getByLabel('Titre ou nom de l’objet').fill('Parents et enfants');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/recherche=Parents/);
    await page.getByRole('cell', { name: 'Création du projet' }).waitFor();
    // The project's grant and payments come with it, amounts in euros, dates in words.
    await page.getByRole('cell', { name: 'Attribution de la subvention' }).waitFor();
    expect(await page.getByRole('cell', { name: /^Versement/ }).count()).toBeGreaterThan(0);
    await page
      .getByText(/^Montant : [\d\s\u202f]+,\d\d\s€$/)
      .first()
      .waitFor();
    await page
      .getByText(/^Versé le : \d{1,2} \p{L}+\.? \d{4}$/u)
      .first()
      .waitFor();
    await page.getByText('Statut : Convention signée → En cours').waitFor();
    await page
      .getByRole('link', { name: 'Parents et enfants : renforcer les compétences psychosociales' })
      .first()
      .waitFor();
    const byColumn = await page.locator('tbody tr td:nth-child(4)').allTextContents();
    expect(byColumn.length).toBeGreaterThan(3);
    for (const who of byColumn) expect(who).not.toMatch(UUID);
    expect(byColumn).toContain('Système');
    await screenshot(page, 'auditor-audit-search');

    const csv = await downloadText(page.getByRole('link', { name: 'Exporter ces événements (CSV)' }));
    expect(csv.fileName).toMatch(/^journal-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.text.startsWith('\uFEFFDate;Action;Objet;Identifiant;Auteur;Rôles;Modifications;Avant;Après\r\n')).toBe(
      true,
    );
    expect(csv.text).toContain(';Création du projet;Projet;');
    expect(csv.text).toContain(';Attribution de la subvention;Subvention;');
    expect(csv.text).toContain('Parents et enfants : renforcer les compétences psychosociales');
    expect(csv.text).toMatch(/Montant : [\d\s\u202f]+,\d\d\s€/);
    // Only the searched project's events: no other project's creation.
    expect(csv.text.split('\r\n').filter((l) => l.includes(';Création du projet;'))).toHaveLength(1);
  });

  it('finds its own report request by its name and role, and says when a search finds nothing', async () => {
    await page.goto('/journal');
    await page.getByLabel('Auteur').fill('Bensaïd');
    await page.getByLabel('Action').selectOption({ label: 'Demande de rapport' });
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page
      .getByRole('cell', { name: /^Nadia Bensaïd\s*Auditeur$/ })
      .first()
      .waitFor();
    expect(await page.getByRole('cell', { name: 'Demande de rapport' }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('cell', { name: 'Création du projet' }).count()).toBe(0);

    await page.getByLabel('Action').selectOption({ label: 'Création du projet' });
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByText('Aucun événement ne correspond à cette recherche', { exact: false }).waitFor();
  });

  it('is refused the delegate’s dashboard with a plain "Accès refusé" page', async () => {
    await page.goto('/tableau-de-bord');
    await page.getByRole('heading', { name: 'Accès refusé' }).waitFor();
    expect(await page.getByRole('link', { name: 'Tableau de bord' }).count()).toBe(0);
    await screenshot(page, 'auditor-forbidden');
  });

  it('raised no script error in the browser along the way', () => {
    expect(scriptErrorsOf(page)).toEqual([]);
  });
});
