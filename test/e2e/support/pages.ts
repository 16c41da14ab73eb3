/**
 * Opening the built pages in Chromium: the preview (the pane on the in-memory workbook) and the
 * add-in page, with every request off 127.0.0.1 refused so nothing reaches the network.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";

export const ROOT = resolve(__dirname, "../../..");
export const ARTIFACTS = join(ROOT, "test-artifacts");

export interface OpenOptions {
  width?: number;
  height?: number;
  /** Device pixels per CSS pixel: 2 renders the page as at 200% zoom of a window twice as wide. */
  scale?: number;
  /** Query string of preview.html, e.g. "?seed=none". */
  query?: string;
  permissions?: string[];
}

export interface Opened {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors the page raised. */
  errors: string[];
  /** Requests refused because they were not for 127.0.0.1 (none reach the network). */
  blocked: string[];
}

/** Sets `window.__findingsAt` to performance.now() when the first report is on screen (findings, 全部通过, 尚未填写 or no template). */
const RECORD_FINDINGS_TIME = `
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid="findings"] li, [data-testid="all-pass"], [data-testid="unfilled"], [data-testid="no-template"]')) {
      window.__findingsAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

export async function openPage(browser: Browser, url: string, options: OpenOptions = {}): Promise<Opened> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    deviceScaleFactor: options.scale ?? 1,
    locale: "zh-CN",
    permissions: options.permissions,
  });
  const blocked: string[] = [];
  await context.route(/^(?!http:\/\/127\.0\.0\.1[:/])/, (route) => {
    blocked.push(route.request().url());
    return route.abort();
  });
  await context.addInitScript(RECORD_FINDINGS_TIME);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    // The refused office.js request (add-in page) is expected: it is what "not in Excel" means.
    if (message.type() === "error" && !/ERR_FAILED|net::/.test(message.text())) errors.push(message.text());
  });
  await page.goto(url);
  return { context, page, errors, blocked };
}

/** The preview with its first report on screen. */
export async function openPreview(browser: Browser, origin: string, options: OpenOptions = {}): Promise<Opened> {
  const opened = await openPage(browser, `${origin}/preview.html${options.query ?? ""}`, options);
  await opened.page.waitForFunction(() => (window as unknown as { __findingsAt?: number }).__findingsAt !== undefined, null, {
    timeout: 30_000,
  });
  return opened;
}

export function pane(page: Page): Locator {
  return page.getByTestId("pane");
}

export function tab(page: Page, name: RegExp | string): Locator {
  return pane(page).getByRole("tab", { name });
}

export async function selectTab(page: Page, id: "template" | "checks" | "narrative" | "import"): Promise<void> {
  await page.locator(`#tab-${id}`).click();
  await page.locator(`#panel-${id}`).waitFor({ state: "visible" });
}

/** The grid's input for a cell of the shown sheet, e.g. ("基本概况", "B28"). */
export function gridCell(page: Page, sheet: string, cell: string): Locator {
  return page.getByLabel(`${sheet} ${cell}`, { exact: true });
}

/** What a cell holds (its value or formula, as the formula bar shows it), not its formatted text. */
export async function gridValue(page: Page, sheet: string, cell: string): Promise<string> {
  const input = gridCell(page, sheet, cell);
  await input.focus();
  const value = await input.inputValue();
  await input.press("Escape");
  return value;
}

export async function showSheet(page: Page, sheet: string): Promise<void> {
  await page.getByRole("tablist", { name: "工作表" }).getByRole("tab", { name: sheet, exact: true }).click();
  await page.locator(`table[data-sheet="${sheet}"]`).waitFor();
}

/** axe-core's script, injected into pages for the accessibility scan. */
export function axeSource(): string {
  const require = createRequire(join(ROOT, "package.json"));
  return readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
}
