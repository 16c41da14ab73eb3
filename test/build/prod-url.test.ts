/**
 * `npm run build` without ZIPING_PROD_URL warns (and still builds) that the manifest points at
 * the placeholder; with it set, no warning. The config is loaded and its plugin run on a stand-in
 * compiler, as no build is run here.
 */
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "../..");
const requireFromRoot = createRequire(join(root, "package.json"));

interface Compilation {
  warnings: Error[];
  errors: Error[];
}
interface Plugin {
  apply?: (compiler: unknown) => void;
}
type CreateConfig = (env: Record<string, string>, argv: { mode: string }) => { plugins: Plugin[] };
const createConfig = requireFromRoot("./webpack.config.js") as CreateConfig;
const { DEFAULT_PRODUCTION_URL } = requireFromRoot("./scripts/manifest/urls.js") as { DEFAULT_PRODUCTION_URL: string };

/** The warnings and errors the config's plugins add to a compilation (only those that tap thisCompilation). */
function buildMessages(mode: string, prodUrl: string | undefined): Compilation {
  const saved = process.env.ZIPING_PROD_URL;
  if (prodUrl === undefined) delete process.env.ZIPING_PROD_URL;
  else process.env.ZIPING_PROD_URL = prodUrl;
  try {
    const compilation: Compilation = { warnings: [], errors: [] };
    const compiler = {
      webpack: { WebpackError: Error },
      hooks: new Proxy({}, { get: (_t, hook) => ({ tap: (_n: string, fn: (c: Compilation) => void) => (hook === "thisCompilation" ? fn(compilation) : undefined), tapAsync: () => undefined, tapPromise: () => undefined }) }),
    };
    for (const plugin of createConfig({}, { mode }).plugins) {
      if (plugin.constructor.name === "WarnPlugin") plugin.apply?.(compiler);
    }
    return compilation;
  } finally {
    if (saved === undefined) delete process.env.ZIPING_PROD_URL;
    else process.env.ZIPING_PROD_URL = saved;
  }
}

describe("npm run build and ZIPING_PROD_URL", () => {
  it("warns, without failing the build, when a production build has no ZIPING_PROD_URL", () => {
    const { warnings, errors } = buildMessages("production", undefined);
    expect(errors).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message).toContain("ZIPING_PROD_URL");
    expect(warnings[0].message).toContain(DEFAULT_PRODUCTION_URL);
  });

  it("does not warn when ZIPING_PROD_URL is set, nor for the development server", () => {
    expect(buildMessages("production", "https://excel.czj.example.gov.cn/ziping/").warnings).toEqual([]);
    expect(buildMessages("development", undefined).warnings).toEqual([]);
  });
});
