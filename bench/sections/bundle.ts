import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { budget, row, type SectionResult } from "../report";

const ROOT = join(__dirname, "../..");
const DIST = join(ROOT, "dist");

/**
 * The template's gzipped page total, read from the shared baselines (never copied into code):
 * the row "the pane page loads taskpane + react + polyfill" of ../shared/baselines.md.
 */
export function baselinePaneGzip(): { bytes: number; source: string } | undefined {
  for (const path of [join(ROOT, "../shared/baselines.md")]) {
    if (!existsSync(path)) continue;
    const line = readFileSync(path, "utf8")
      .split("\n")
      .find((l) => /pane page loads/.test(l));
    const figures = line?.match(/[\d,]{5,}/g);
    if (figures && figures.length >= 2) return { bytes: Number(figures[1].replace(/,/g, "")), source: path };
  }
  return undefined;
}

/** Scripts a built HTML page loads from dist/ (webpack's <script src="...">). */
function pageScripts(html: string): string[] {
  // Minified HTML leaves attributes unquoted: <script defer src=taskpane.js>.
  return [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+\.js)/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
}

export function bundleSection(): SectionResult {
  // Always build afresh: a stale dist/ would measure something else.
  execFileSync("npx", ["webpack", "--mode", "production"], { cwd: ROOT, stdio: "ignore" });
  const rows = [];
  const sizes = new Map<string, { raw: number; gz: number }>();
  for (const file of readdirSync(DIST).filter((f) => f.endsWith(".js"))) {
    const bytes = readFileSync(join(DIST, file));
    const size = { raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
    sizes.set(file, size);
    rows.push(row("bundle", `${file} raw`, size.raw, "bytes"), row("bundle", `${file} gzip -9`, size.gz, "bytes"));
  }
  const scripts = pageScripts(readFileSync(join(DIST, "taskpane.html"), "utf8"));
  const page = scripts.reduce((t, s) => ({ raw: t.raw + (sizes.get(s)?.raw ?? 0), gz: t.gz + (sizes.get(s)?.gz ?? 0) }), { raw: 0, gz: 0 });
  rows.push(row("bundle", `pane page total raw (${scripts.join(" + ")})`, page.raw, "bytes"), row("bundle", "pane page total gzip -9", page.gz, "bytes"));
  const baseline = baselinePaneGzip();
  return {
    rows,
    budgets: [
      baseline
        ? budget(
            "pane page gzipped ≤ the Office React template's",
            scripts.length > 0 && page.gz <= baseline.bytes,
            `${page.gz} vs ${baseline.bytes} bytes (${((page.gz / baseline.bytes) * 100).toFixed(1)}%; baseline from ${baseline.source})`,
          )
        : budget("pane page gzipped ≤ the Office React template's", false, "shared/baselines.md not found beside the repository"),
    ],
  };
}
