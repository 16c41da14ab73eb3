/**
 * First findings on the preview page: the production build served on 127.0.0.1, opened in
 * headless Chromium at the task pane's width, from navigation to the first findings rendered
 * (the findings list, 全部通过 or 尚未填写 on screen; performance.now() counts from the
 * navigation's start). Median of several loads, each in a fresh browser context (nothing
 * cached). Issue 17: "first findings on the preview < 1 s". Uses the e2e suite's own build,
 * server, browser and page helpers, so it measures the page the tests drive.
 */
import { rmSync } from "node:fs";
import { chromiumAvailable, CHROMIUM_PATH, launchChromium } from "../../test/e2e/support/browser";
import { buildPages } from "../../test/e2e/support/build";
import { openPreview } from "../../test/e2e/support/pages";
import { serveDirectory } from "../../test/e2e/support/server";
import { budget, row, type SectionResult } from "../report";

const LOADS = 7;
const BUDGET_MS = 1000;
/** The seed report (13 findings), and the bare template (尚未填写). */
const PAGES = [
  { query: "", what: "2020 seed" },
  { query: "?seed=none", what: "empty template" },
];

export async function previewSection(): Promise<SectionResult> {
  const name = "preview: navigation → first findings on screen < 1 s";
  if (!chromiumAvailable()) return { rows: [], budgets: [budget(name, false, `no Chromium at ${CHROMIUM_PATH} (ZIPING_CHROMIUM=…)`)] };
  const dist = await buildPages();
  const server = await serveDirectory(dist);
  const browser = await launchChromium();
  try {
    const rows = [];
    const medians: string[] = [];
    let holds = true;
    for (const { query, what } of PAGES) {
      // One load first, not counted: Chromium's own start-up (fonts, GPU process) is not the page's.
      await (await openPreview(browser, server.origin, { width: 350, query })).context.close();
      const times: number[] = [];
      for (let i = 0; i < LOADS; i++) {
        const opened = await openPreview(browser, server.origin, { width: 350, query });
        times.push(await opened.page.evaluate(() => (window as unknown as { __findingsAt: number }).__findingsAt));
        await opened.context.close();
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)];
      holds &&= median < BUDGET_MS;
      medians.push(`${what} ${Math.round(median)} ms`);
      rows.push(row("preview", `first findings, ${what} (350 px)`, median, "ms", `median of ${LOADS}: ${times.map(Math.round).join(", ")}`));
    }
    return { rows, budgets: [budget(name, holds, medians.join("; "))] };
  } finally {
    await browser.close();
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  }
}
