/**
 * A browser suite on the production build: without Chromium it is skipped with a warning (on CI,
 * CI set, a failing test says what to install); otherwise the pages are built once, served on
 * 127.0.0.1 and opened in Chromium, and every page a test opens is checked for errors on close.
 */
import { mkdirSync, rmSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { chromiumAvailable, CHROMIUM_PATH, launchChromium } from "./browser";
import { buildPages } from "./build";
import { ARTIFACTS, openPreview, type OpenOptions, type Opened } from "./pages";
import { serveDirectory, type StaticServer } from "./server";

export interface BrowserSuite {
  /** The built pages' folder, the server and the browser (set once beforeAll has run). */
  readonly dist: string;
  readonly server: StaticServer;
  readonly browser: Browser;
  /** The preview page with its first report on screen. */
  preview(options?: OpenOptions): Promise<Page>;
  /** Closes a page opened by `preview`, after checking it raised no error. */
  close(page: Page): Promise<void>;
}

export function browserSuite(title: string, body: (suite: BrowserSuite) => void): void {
  if (!chromiumAvailable()) {
    if (process.env.CI) {
      describe(title, () => {
        it("needs Chromium on CI", () => {
          throw new Error(`Chromium not found at ${CHROMIUM_PATH}: .ci/run installs it (apt-get install chromium fonts-wqy-microhei)`);
        });
      });
      return;
    }
    console.warn(
      `\n⚠⚠⚠ SKIPPING the real-browser tests "${title}": no Chromium at ${CHROMIUM_PATH}.\n` +
        "    Install it with: apt-get install -y --no-install-recommends chromium fonts-wqy-microhei\n",
    );
    describe.skip(title, () => body(undefined as unknown as BrowserSuite));
    return;
  }
  describe(title, () => {
    let dist: string;
    let server: StaticServer;
    let browser: Browser;
    const open: Opened[] = [];

    beforeAll(async () => {
      dist = await buildPages();
      server = await serveDirectory(dist);
      browser = await launchChromium();
      mkdirSync(ARTIFACTS, { recursive: true });
    }, 600_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
      if (dist) rmSync(dist, { recursive: true, force: true });
    });

    body({
      get dist() {
        return dist;
      },
      get server() {
        return server;
      },
      get browser() {
        return browser;
      },
      async preview(options) {
        const opened = await openPreview(browser, server.origin, options);
        open.push(opened);
        return opened.page;
      },
      async close(page) {
        const opened = open.find((o) => o.page === page);
        expect(opened?.errors ?? []).toEqual([]);
        await page.context().close();
      },
    });
  });
}
