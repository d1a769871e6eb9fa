import type { Browser, Locator, Page } from 'playwright-core';
import { expectAccessible, expectConsoleErrors, launchBrowser, openApp, screenshot, signIn } from '../support/browser';
import { DEMO } from '../support/http';
import { Stack } from '../support/stack';

const PLENARY = 'Assemblée plénière de la commission régionale ISS';
const ACCOUNT = { name: 'Camille Nouvelle', email: 'camille.nouvelle@test.iss.local' };
const FIRST_PASSWORD = 'lanterne-verte-sur-le-quai-2026';
const NEW_PASSWORD = 'horizon-bleu-des-causses-2027';

/** Signs in through the login page with any password; resolves once the app answered either way. */
async function signInWith(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/connexion');
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** Ticks or unticks a DSFR checkbox as a person does, by clicking its label (which covers the box). */
async function toggle(scope: Page | Locator, label: string, checked: boolean): Promise<void> {
  await scope.locator('label', { hasText: new RegExp(`^${label.replace(/[()]/g, '\\$&')}$`) }).click();
  expect(await scope.getByLabel(label, { exact: true }).isChecked()).toBe(checked);
}

/** The row of the accounts table for `name`. */
const accountRow = (page: Page, name: string) =>
  page.getByRole('table', { name: 'Comptes' }).getByRole('row').filter({ hasText: name });

/** Account administration, one's own password, and the offices of a body. */
describe('accounts and positions in the browser', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([Stack.start('web-admin', { worker: false }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('lets the admin create an account, edit its roles and departments, disable and re-enable it', async () => {
    const admin = await signIn(browser, stack, DEMO.admin);
    await admin.getByRole('link', { name: 'Comptes' }).first().click();
    await admin.getByRole('heading', { name: 'Comptes', level: 1 }).waitFor();
    await accountRow(admin, 'referent31@demo.iss.local').getByText('Haute-Garonne (31)').waitFor();
    const search = admin.getByRole('form', { name: 'Rechercher des comptes' });
    await search.getByLabel('Rôle', { exact: true }).selectOption({ label: 'Auditeur' });
    await search.getByRole('button', { name: 'Rechercher' }).click();
    // The unfiltered list shows the auditor too: wait for the filtered page, which leaves only it.
    const rows = admin.getByRole('table', { name: 'Comptes' }).locator('tbody tr');
    await rows.nth(1).waitFor({ state: 'detached' });
    await accountRow(admin, 'auditeur@demo.iss.local').getByText('Actif').waitFor();
    expect(await rows.count()).toBe(1);
    await expectAccessible(admin, 'accounts');

    const create = admin.getByRole('form', { name: 'Créer un compte' });
    await create.getByLabel('Nom et prénom').fill(ACCOUNT.name);
    await create.getByLabel('Adresse électronique', { exact: true }).fill(ACCOUNT.email);
    await create.getByLabel('Mot de passe initial').fill(FIRST_PASSWORD);
    await toggle(create, 'Auditeur', true);
    await create.getByRole('button', { name: 'Créer le compte' }).click();
    await admin.getByRole('heading', { name: ACCOUNT.name, level: 1 }).waitFor();
    await expect(admin.title()).resolves.toMatch(/^Compte « Camille Nouvelle »/);

    // A referent without a department is refused, in French; the admin then picks one.
    expectConsoleErrors(admin, /status of 400/);
    await toggle(admin, 'Auditeur', false);
    await toggle(admin, 'Référent départemental ISS', true);
    await admin.getByRole('button', { name: 'Enregistrer' }).click();
    await admin.getByText('Un référent départemental doit avoir au moins un département.').waitFor();
    await toggle(admin, 'Haute-Garonne (31)', true);
    await toggle(admin, 'Tarn (81)', true);
    await admin.getByRole('button', { name: 'Enregistrer' }).click();
    await admin.getByText('Compte enregistré.').waitFor();
    await expectAccessible(admin, 'account');

    await admin.getByRole('button', { name: 'Désactiver le compte' }).click();
    await admin.getByText(/^Compte désactivé le .* : il ne peut plus se connecter\.$/).waitFor();
    await screenshot(admin, 'account-disabled');
    await admin.getByRole('link', { name: 'Retour : Comptes' }).click();
    const row = accountRow(admin, ACCOUNT.email);
    await row.getByText('Désactivé').waitFor();
    expect(await row.textContent()).toContain('Référent départemental ISS');
    expect(await row.textContent()).toContain('Haute-Garonne (31), Tarn (81)');

    const refused = await openApp(browser, stack);
    expectConsoleErrors(refused, /status of 401/);
    await signInWith(refused, ACCOUNT.email, FIRST_PASSWORD);
    await refused.getByText('L’adresse électronique ou le mot de passe est incorrect.').waitFor();
    await refused.context().close();

    await row.getByRole('link', { name: ACCOUNT.name }).click();
    await admin.getByRole('button', { name: 'Réactiver le compte' }).click();
    await admin.getByText('Compte actif : il peut se connecter.').waitFor();
    await admin.context().close();
  });

  it('lets a person change its password, and sign in with the new one only', async () => {
    const person = await openApp(browser, stack);
    await signInWith(person, ACCOUNT.email, FIRST_PASSWORD);
    await person.getByRole('link', { name: 'Changer mon mot de passe' }).click();
    await person.getByRole('heading', { name: 'Mon mot de passe', level: 1 }).waitFor();
    await expectAccessible(person, 'password');

    expectConsoleErrors(person, /status of 400/);
    await person.getByLabel('Mot de passe actuel').fill(FIRST_PASSWORD);
    await person.getByLabel('Nouveau mot de passe').fill('motdepasse');
    await person.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await person.getByText(/^Le mot de passe doit compter au moins 12 caractères/).waitFor();
    await person.getByLabel('Nouveau mot de passe').fill(NEW_PASSWORD);
    await person.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await person.getByText('Mot de passe changé. Vos autres sessions sont terminées.').waitFor();
    // Still signed in here: the API set this session's new cookie.
    await person.reload();
    await person.getByRole('heading', { name: 'Mon mot de passe', level: 1 }).waitFor();
    await person.getByRole('button', { name: 'Se déconnecter' }).click();
    await person.getByRole('heading', { name: 'Connexion' }).waitFor();

    expectConsoleErrors(person, /status of 401/);
    await signInWith(person, ACCOUNT.email, FIRST_PASSWORD);
    await person.getByText('L’adresse électronique ou le mot de passe est incorrect.').waitFor();
    await signInWith(person, ACCOUNT.email, NEW_PASSWORD);
    await person.getByRole('heading', { name: /Bonjour Camille Nouvelle/ }).waitFor();
    await person.context().close();
  });

  it('lets the mission officer give and end an office, which readers see with its dates', async () => {
    const officer = await signIn(browser, stack, DEMO.officer);
    await officer.getByRole('link', { name: 'Commission' }).first().click();
    await officer.getByRole('link', { name: PLENARY }).first().click();
    await officer.getByRole('heading', { name: 'Fonctions' }).waitFor();
    const current = officer.getByRole('table', { name: 'Fonctions en cours' });
    await current.getByRole('row', { name: /^Présidence/ }).waitFor();

    const form = officer.getByRole('form', { name: 'Attribuer une fonction' });
    await form.getByLabel('Fonction', { exact: true }).selectOption({ label: 'Secrétariat' });
    await form.getByLabel('Début de la fonction').fill('2024-01-15');
    await form.getByRole('button', { name: 'Attribuer la fonction' }).click();
    const secretary = current.getByRole('row', { name: /^Secrétariat/ });
    await secretary.getByText('15 janv. 2024').waitFor();
    const who = (await secretary.locator('td').nth(1).textContent())!;
    await expectAccessible(officer, 'body-positions');

    await secretary.getByLabel(/Dernier jour/).fill('2024-12-31');
    await secretary.getByRole('button', { name: 'Mettre fin à la fonction' }).click();
    const past = officer.getByRole('table', { name: 'Fonctions passées' });
    await past.getByRole('row', { name: `Secrétariat ${who} 15 janv. 2024 31 déc. 2024` }).waitFor();
    expect(await current.getByRole('row', { name: /^Secrétariat/ }).count()).toBe(0);
    await screenshot(officer, 'body-positions');
    const bodyUrl = officer.url();
    await officer.context().close();

    const auditor = await signIn(browser, stack, DEMO.auditor, new URL(bodyUrl).pathname);
    await auditor.getByRole('table', { name: 'Fonctions passées' }).getByText(who).waitFor();
    expect(await auditor.getByRole('button', { name: 'Mettre fin à la fonction' }).count()).toBe(0);
    expect(await auditor.getByRole('form', { name: 'Attribuer une fonction' }).count()).toBe(0);
    await expectAccessible(auditor, 'body-positions-reader');
    await auditor.context().close();
  });
});
