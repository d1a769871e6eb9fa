import { mkdirSync, statSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { DEMO_PASSWORD, ROOT } from './env';
import type { Stack } from './stack';

/** Debian's Chromium, installed by scripts/test.sh (ensure_chromium) when missing. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const SCREENSHOT_DIR = `${ROOT}/test-artifacts/screenshots`;

/** One headless browser per suite; each person signs in in a context of their own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

const scriptErrors = new WeakMap<Page, string[]>();
const consoleErrors = new WeakMap<Page, string[]>();
/** The pages opened by the running test, checked for console errors when it ends. */
const openedPages = new Set<Page>();

/** The uncaught script errors the page raised since it opened (a working page raises none). */
export function scriptErrorsOf(page: Page): string[] {
  return scriptErrors.get(page) ?? [];
}

/**
 * The console errors and uncaught script errors of the page since it opened, except those the test
 * provoked on purpose (e.g. `/401/` when it types a wrong password): a working screen logs none.
 */
export function consoleErrorsOf(page: Page, expected: readonly RegExp[] = []): string[] {
  return (consoleErrors.get(page) ?? []).filter(
    (text) =>
      !VISITOR_SESSION.test(text) && !NO_VERIFICATION_YET.test(text) && !expected.some((pattern) => pattern.test(text)),
  );
}

/**
 * The app asks `/api/auth/me` who is signed in and a visitor gets 401 (CONTRACT.md), which Chromium
 * logs as a failed resource: the app handles it (the login page), so it is not counted.
 */
const VISITOR_SESSION = /status of 401 \(Unauthorized\) \(.*\/api\/auth\/me\)$/;

/**
 * Before the chain's first verification run, the latest run is 404, which Chromium logs too: the audit
 * screen handles it (it says the chain was never verified and offers to verify it), so it is not counted.
 */
const NO_VERIFICATION_YET = /status of 404 \(Not Found\) \(.*\/api\/audit-events\/verifications\/latest\)$/;

/** Collects what the page logs as errors, from now on (signIn and openApp do it for their pages). */
export function watchConsole(page: Page): Page {
  const errors: string[] = [];
  const uncaught: string[] = [];
  scriptErrors.set(page, uncaught);
  consoleErrors.set(page, errors);
  openedPages.add(page);
  page.on('pageerror', (error) => {
    uncaught.push(error.message);
    errors.push(`uncaught: ${error.message}`);
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url } = message.location();
    errors.push(url ? `${message.text()} (${url})` : message.text());
  });
  return page;
}

/** Console errors the running test provoked on purpose, by page; see `expectConsoleErrors`. */
const expectedErrors = new WeakMap<Page, RegExp[]>();

/** Tells the end-of-journey check that the page will log errors matching `patterns` (a refused login). */
export function expectConsoleErrors(page: Page, ...patterns: RegExp[]): void {
  expectedErrors.set(page, [...(expectedErrors.get(page) ?? []), ...patterns]);
}

// Every browser journey ends with zero console errors on the pages it opened (this file is
// imported by every browser suite, so the hook is registered in each of them).
if (typeof afterEach === 'function') {
  afterEach(() => {
    const pages = [...openedPages];
    openedPages.clear();
    const errors = pages.flatMap((page) => consoleErrorsOf(page, expectedErrors.get(page)));
    expect(errors).toEqual([]);
  });
}

function newContext(browser: Browser, stack: Stack): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: stack.baseUrl,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
}

/** A fresh browser context on the stack's web app, not signed in, its console watched. */
export async function openApp(browser: Browser, stack: Stack): Promise<Page> {
  const context = await newContext(browser, stack);
  return watchConsole(await context.newPage());
}

/** A fresh browser context on the stack's web app, signed in through the login page as `email`. */
export async function signIn(browser: Browser, stack: Stack, email: string, path = '/'): Promise<Page> {
  const page = await openApp(browser, stack);
  await page.goto(path);
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
  return page;
}

/** The WCAG 2.1 A and AA rules of axe-core, the level the issue asks of every screen. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The axe-core violations of the page as it is now, one readable line per element. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // A dialog fading in has its colours half-way: the scan waits for the screen people end up reading.
  await page.evaluate(`Promise.all(document.getAnimations().map((animation) => animation.finished))`);
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  // Invalid nesting the production build of React no longer warns about (the DSFR badge is a <p>).
  const nestedParagraphs = await page.locator('p p').evaluateAll((nodes) => nodes.map((node) => node.outerHTML));
  return [
    ...nestedParagraphs.map((html) => `p-in-p: a paragraph inside a paragraph — ${html.slice(0, 120)}`),
    ...violations.flatMap((v) =>
      v.nodes.map(
        (node) => `${v.id} (${v.impact}): ${v.help} — ${node.target.join(' ')} — ${node.failureSummary ?? ''}`,
      ),
    ),
  ];
}

/** Asserts that the screen as it is now has no WCAG 2.1 A/AA violation that axe-core can find. */
export async function expectAccessible(page: Page, screen = page.url()): Promise<void> {
  const violations = await accessibilityViolations(page);
  expect({ screen, violations }).toEqual({ screen, violations: [] });
}

/**
 * The bytes the browser received for everything loaded so far (documents, scripts, styles, fonts,
 * API calls): the sum of the resource timings' transfer sizes, headers and compression included.
 */
export async function transferredBytes(page: Page): Promise<number> {
  await page.waitForLoadState('networkidle');
  // The page's own types (the DOM's) are not the test's (Node's): the expression runs in the page.
  return page.evaluate<number>(
    `[...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .reduce((sum, entry) => sum + entry.transferSize, 0)`,
  );
}

/**
 * A full-page screenshot in test-artifacts/screenshots/<name>.png, for people to look at — after the
 * screen passed the accessibility scan (every screen a journey shows is scanned there).
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  await expectAccessible(page, name);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

export interface DownloadedFile {
  fileName: string;
  size: number;
  contentType: string;
  head: Buffer;
}

/**
 * Clicks a download link as a person would and returns the saved file's name and size, with the
 * content type the server gave for the same link (asked again with the page's cookies).
 */
export async function download(link: Locator): Promise<DownloadedFile> {
  const page = link.page();
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await file.path();
  const href = await link.getAttribute('href');
  const response = await page.context().request.get(href!);
  const body = await response.body();
  return {
    fileName: file.suggestedFilename(),
    size: statSync(path).size,
    contentType: response.headers()['content-type'] ?? '',
    head: body.subarray(0, 8),
  };
}

/**
 * A pattern for an amount as the app prints it: French formatting puts narrow no-break spaces
 * between thousands and a no-break space before €, so any space in `text` matches any space.
 */
export function euros(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(escaped.replace(/ /g, '\\s'));
}
