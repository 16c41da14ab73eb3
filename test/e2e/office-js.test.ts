/**
 * The intranet build: `ZIPING_OFFICE_JS=bundled` serves office.js, and the files it loads for
 * Excel, from dist/office-js/ (webpack.config.js, scripts/office-js.js). Built once into a
 * temporary directory of its own. The files are checked without a browser; then the add-in page
 * is loaded in Chromium with every request off 127.0.0.1 refused, and shows its outside-Office
 * notice with the real office.js loaded.
 *
 * What office.js loads is read here from the package's own office.js (its host file version map
 * and its file-name constants), not from the list the build copies, so a file missing from that
 * list fails the test.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Browser } from "playwright-core";
import { poll } from "../support/poll";
import { chromiumAvailable, CHROMIUM_PATH, launchChromium } from "./support/browser";
import { buildPages } from "./support/build";
import { openPage, ROOT } from "./support/pages";
import { serveDirectory, type StaticServer } from "./support/server";

const packageDist = join(dirname(createRequire(join(ROOT, "package.json")).resolve("@microsoft/office-js/package.json")), "dist");
const loader = readFileSync(join(packageDist, "office.js"), "utf8");

function constant(name: string): string {
  const found = new RegExp(`${name}:"([^"]+)"`).exec(loader);
  if (!found) throw new Error(`office.js has no constant ${name}`);
  return found[1];
}

/** office.js's highest host-file version per Excel platform: { win32: "16.01", web: "16.00", … }. */
function excelVersions(): Record<string, string> {
  const map = /HostSpecificFileVersionMap=\{.*?excel:\{([^}]*)\}/.exec(loader);
  if (!map) throw new Error("office.js has no HostSpecificFileVersionMap entry for excel");
  return Object.fromEntries([...map[1].matchAll(/(\w+):"([\d.]+)"/g)].map((m) => [m[1], m[2]]));
}

/** Excel on Windows, on the web and on the Mac: the hosts the intranet build is for. */
const PLATFORMS = ["win32", "web", "mac"];

/** Every file office.js itself names for Excel on those hosts, in zh-CN and its en-US fallback. */
function filesOfficeJsNames(): string[] {
  const versions = excelVersions();
  const strings = constant("OfficeStringJS");
  const telemetry = /"(telemetry\/[\w.]+\.js)"/.exec(loader)?.[1];
  if (!telemetry) throw new Error("office.js names no telemetry script");
  return [
    "office.js",
    constant("O15InitHelper"),
    ...PLATFORMS.map((platform) => `excel-${platform}-${versions[platform]}.js`),
    `zh-cn/${strings}`,
    `${constant("DefaultLocale")}/${strings}`,
    telemetry,
  ];
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: "utf8" })
    .filter((path) => statSync(join(directory, path)).isFile())
    .map((path) => path.split("\\").join("/"))
    .sort();
}

/** What the pages asked the server for, less the browser's own favicon request. */
function ours(paths: string[]): string[] {
  return paths.filter((path) => path !== "/favicon.ico");
}

function sizeOf(directory: string): number {
  return filesUnder(directory).reduce((sum, path) => sum + statSync(join(directory, path)).size, 0);
}

describe("the bundled office.js build (ZIPING_OFFICE_JS=bundled)", () => {
  let dist: string;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    dist = await buildPages({ officeJs: "bundled" });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  describe("its output", () => {
    it("has the add-in's pages load office-js/office.js, never the CDN", () => {
      for (const page of ["taskpane.html", "commands.html"]) {
        const html = readFileSync(join(dist, page), "utf8");
        expect(html, page).toMatch(/<script[^>]*\ssrc="?office-js\/office\.js"?[\s>]/);
        expect(html, page).not.toContain("appsforoffice.microsoft.com");
      }
      // The preview page runs on the in-memory workbook and loads no office.js at all.
      expect(readFileSync(join(dist, "preview.html"), "utf8")).not.toMatch(/office\.js/);
    });

    it("holds every file office.js names for Excel, byte for byte as Microsoft ships them", () => {
      const copied = join(dist, "office-js");
      const wanted = filesOfficeJsNames();
      expect(wanted).toEqual(expect.arrayContaining(["excel-win32-16.01.js", "excel-web-16.00.js", "zh-cn/office_strings.js"]));
      for (const file of wanted) {
        expect(existsSync(join(copied, file)), `office-js/${file}`).toBe(true);
      }
      for (const file of filesUnder(copied).filter((f) => f !== "LICENSE.md")) {
        expect(readFileSync(join(copied, file)).equals(readFileSync(join(packageDist, file))), `office-js/${file} is unmodified`).toBe(true);
      }
      // Microsoft's licence terms travel with the copy.
      expect(readFileSync(join(copied, "LICENSE.md"), "utf8")).toContain("MICROSOFT SOFTWARE LICENSE TERMS");
    });

    it("copies only what Excel needs, not the whole package", () => {
      const copied = join(dist, "office-js");
      const bytes = sizeOf(copied);
      const whole = sizeOf(packageDist);
      console.log(
        [
          `office-js/ in the bundled build: ${bytes} bytes in ${filesUnder(copied).length} files (the package's dist/: ${whole} bytes)`,
          ...filesUnder(copied).map((file) => `  ${file.padEnd(30)} ${String(statSync(join(copied, file)).size).padStart(9)}`),
        ].join("\n"),
      );
      expect(bytes).toBeLessThan(whole / 10);
      // No debug builds, other hosts or other languages.
      expect(filesUnder(copied).filter((f) => /\.debug\.js$|^(word|powerpoint|outlook|onenote|project|access)-|^(?!zh-cn|en-us)[a-z]{2}-[a-z]+\//.test(f))).toEqual([]);
    });
  });

  const haveChromium = chromiumAvailable();
  if (!haveChromium && process.env.CI) {
    it("needs Chromium on CI", () => {
      throw new Error(`Chromium not found at ${CHROMIUM_PATH}: .ci/run installs it (apt-get install chromium fonts-wqy-microhei)`);
    });
  }

  (haveChromium ? describe : describe.skip)("in Chromium, with every request off 127.0.0.1 refused", () => {
    beforeAll(async () => {
      server = await serveDirectory(dist);
      browser = await launchChromium();
    }, 120_000);

    it("loads the real office.js from the build and shows the pane's outside-Office notice", async () => {
      const before = server!.requests.length;
      const opened = await openPage(browser!, `${server!.origin}/taskpane.html`);
      const requested: string[] = [];
      opened.page.on("request", (request) => requested.push(request.url()));
      await opened.page.getByRole("link", { name: "打开预览页" }).waitFor();
      expect(await opened.page.locator("h1").innerText()).toBe("自评表助手");

      // The real library, loaded from the build: Office.onReady resolves outside Office with no host.
      const office = await opened.page.evaluate(async () => {
        const w = window as unknown as { Office?: typeof Office; Excel?: unknown };
        const info = w.Office ? await w.Office.onReady() : undefined;
        return { defined: w.Office !== undefined, host: info?.host ?? null, platform: info?.platform ?? null, excel: typeof w.Excel };
      });
      expect(office).toEqual({ defined: true, host: null, platform: null, excel: "undefined" });
      await opened.page.waitForLoadState("networkidle");
      // office.js posts its usage log a little after start (seen here within 3 s): give it the time.
      await opened.page.waitForTimeout(4_000);

      const served = server!.requests.slice(before);
      expect(served).toEqual(expect.arrayContaining(["/taskpane.html", "/office-js/office.js", "/office-js/o15apptofilemappingtable.js", "/taskpane.js"]));
      for (const path of ours(served)) expect(existsSync(join(dist, path)), `${path} is in the build`).toBe(true);
      // Nothing left 127.0.0.1: what office.js tried beyond it was refused, and it is only its usage log.
      for (const url of requested) expect(url.startsWith(server!.origin) || opened.blocked.includes(url), url).toBe(true);
      console.log(`bundled office.js outside Office: served ${served.join(", ")}; refused: ${opened.blocked.join(", ") || "nothing"}`);
      for (const url of opened.blocked) expect(new URL(url).hostname).toMatch(/^telemetryservice\.firstpartyapps\.oaspapps\.com$/);
      expect(opened.errors).toEqual([]);
      await opened.context.close();
    });

    // As Excel opens the pane: it passes _host_Info, and office.js loads that host's script and
    // the locale's strings from its own folder. Each must be served by the build (the page does
    // not get further than that here, with no Excel behind it).
    it.each([
      ["Windows", "Excel$Win32$16.01$zh-CN$$$$0", "excel-win32-16.01.js"],
      ["the web", "Excel$Web$16.00$zh-CN$$$$0", "excel-web-16.00.js"],
      ["Mac", "Excel$Mac$16.00$zh-CN$$$$0", "excel-mac-16.00.js"],
    ])("serves what office.js loads for Excel on %s", async (_name, hostInfo, hostFile) => {
      const before = server!.requests.length;
      const opened = await openPage(browser!, `${server!.origin}/taskpane.html?_host_Info=${encodeURIComponent(hostInfo)}`);
      const wanted = [`/office-js/${hostFile}`, "/office-js/zh-cn/office_strings.js"];
      await poll(() => server!.requests.slice(before), { timeout: 20_000 }).toEqual(expect.arrayContaining(wanted));
      const served = server!.requests.slice(before);
      for (const path of ours(served)) expect(existsSync(join(dist, path)), `${path} is in the build`).toBe(true);
      expect(opened.blocked).toEqual([]);
      await opened.context.close();
    });
  });
});
