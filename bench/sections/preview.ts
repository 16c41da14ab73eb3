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

const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

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
      const boots: number[] = [];
      for (let i = 0; i < LOADS; i++) {
        const opened = await openPreview(browser, server.origin, { width: 350, query });
        const { at, boot } = await opened.page.evaluate(() => ({
          at: (window as unknown as { __findingsAt: number }).__findingsAt,
          // PreviewApp's marks: building the in-memory workbook through the add-in's session.
          boot: performance.measure("boot", "ziping:boot-start", "ziping:boot-end").duration,
        }));
        times.push(at);
        boots.push(boot);
        await opened.context.close();
      }
      const median = medianOf(times);
      holds &&= median < BUDGET_MS;
      medians.push(`${what} ${Math.round(median)} ms`);
      rows.push(
        row("preview", `first findings, ${what} (350 px)`, median, "ms", `median of ${LOADS}: ${[...times].sort((a, b) => a - b).map(Math.round).join(", ")}`),
        row("preview", `  of which building the workbook, ${what}`, medianOf(boots), "ms"),
      );
    }
    return { rows, budgets: [budget(name, holds, medians.join("; "))] };
  } finally {
    await browser.close();
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  }
}
