/**
 * Where the pages load office.js from, as webpack.config.js sets it up (no build is run here;
 * test/e2e/office-js.test.ts builds the bundled variant and loads it in Chromium).
 */
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "../..");
const requireFromRoot = createRequire(join(root, "package.json"));

interface Plugin {
  constructor: { name: string };
  userOptions?: { filename?: string; officeJs?: string };
  patterns?: Array<{ to?: string }>;
}
type CreateConfig = (env: Record<string, string>, argv: { mode: string }) => { plugins: Plugin[] };
const createConfig = requireFromRoot("./webpack.config.js") as CreateConfig;

function officeJsOf(env: Record<string, string>): { pages: Record<string, string | undefined>; copied: string[] } {
  const config = createConfig(env, { mode: "production" });
  const pages = Object.fromEntries(
    config.plugins.filter((p) => p.constructor.name === "HtmlWebpackPlugin").map((p) => [p.userOptions!.filename!, p.userOptions!.officeJs]),
  );
  const copied = config.plugins
    .filter((p) => p.constructor.name === "CopyPlugin")
    .flatMap((p) => p.patterns ?? [])
    .map((p) => p.to ?? "")
    .filter((to) => to.startsWith("office-js/"));
  return { pages, copied };
}

describe("office.js in the build", () => {
  const saved = process.env.ZIPING_OFFICE_JS;
  afterEach(() => {
    if (saved === undefined) delete process.env.ZIPING_OFFICE_JS;
    else process.env.ZIPING_OFFICE_JS = saved;
  });

  it("comes from Microsoft's CDN by default, and nothing of the package is copied", () => {
    delete process.env.ZIPING_OFFICE_JS;
    const { pages, copied } = officeJsOf({});
    expect(pages["taskpane.html"]).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(pages["commands.html"]).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(copied).toEqual([]);
  });

  it("comes from office-js/ beside the pages with ZIPING_OFFICE_JS=bundled (or --env officeJs=bundled)", () => {
    process.env.ZIPING_OFFICE_JS = "bundled";
    const fromEnvironment = officeJsOf({});
    delete process.env.ZIPING_OFFICE_JS;
    const fromCli = officeJsOf({ officeJs: "bundled" });
    for (const { pages, copied } of [fromEnvironment, fromCli]) {
      expect(pages["taskpane.html"]).toBe("office-js/office.js");
      expect(pages["commands.html"]).toBe("office-js/office.js");
      expect(copied).toEqual(expect.arrayContaining(["office-js/office.js", "office-js/zh-cn/office_strings.js", "office-js/LICENSE.md"]));
    }
  });

  it("refuses any other value with a line saying what the two choices are", () => {
    process.env.ZIPING_OFFICE_JS = "local";
    expect(() => officeJsOf({})).toThrow(/ZIPING_OFFICE_JS="local" is not understood\. Use ZIPING_OFFICE_JS=bundled .*intranet.*CDN/);
  });
});
