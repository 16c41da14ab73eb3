/**
 * A production build of the add-in's pages (webpack.config.js as `npm run build` runs it) into a
 * temporary directory of its own (so suites never share or fight over dist/), for the browser
 * tests and the bundle-size check. `env` is webpack's --env, e.g. { officeJs: "bundled" }.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";

const root = resolve(__dirname, "../../..");
const requireFromRoot = createRequire(join(root, "package.json"));

interface WebpackStats {
  hasErrors(): boolean;
  toString(options: unknown): string;
}
type Webpack = (config: unknown, callback: (error: Error | null, stats?: WebpackStats) => void) => void;

export async function buildPages(env: Record<string, string> = {}): Promise<string> {
  const webpack = requireFromRoot("webpack") as Webpack;
  const createConfig = requireFromRoot("./webpack.config.js") as (env: Record<string, string>, argv: { mode: string }) => {
    output: Record<string, unknown>;
    devtool?: unknown;
  };
  const out = mkdtempSync(join(tmpdir(), "ziping-e2e-"));
  const config = createConfig(env, { mode: "production" });
  config.output = { ...config.output, path: out };
  // Source maps take time and are not what the page loads.
  config.devtool = false;
  await new Promise<void>((done, fail) => {
    webpack({ ...config, context: root }, (error, stats) => {
      if (error) fail(error);
      else if (!stats || stats.hasErrors()) fail(new Error(stats?.toString({ all: false, errors: true }) ?? "webpack failed"));
      else done();
    });
  });
  return out;
}
