// Builds the add-in's pages into dist/: `npm run build` (production) or `npm start`
// (development, served by webpack-dev-server over https on the dev_server_port in package.json).
//
// Production builds copy manifest*.xml with every https://localhost:3000/ URL replaced by
// ZIPING_PROD_URL (default: a placeholder, https://ziping.example.gov.cn/), e.g.
//   ZIPING_PROD_URL=https://excel.czj.example.gov.cn/ziping/ npm run build
// then publish dist/ at that address and give users dist/manifest.xml.
//
// The pages load office.js from Microsoft's CDN; ZIPING_OFFICE_JS=bundled (or --env officeJs=bundled)
// serves it from dist/office-js/ instead, for an intranet without internet (scripts/office-js.js).
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { DEV_PORT, productionBaseUrl, productionUrlWarning, rewriteForProduction } = require("./scripts/manifest/urls");
const { officeJsCopyPatterns, officeJsMode, officeJsUrl } = require("./scripts/office-js");

// One line per page: its entry module and its HTML template. Each becomes <name>.js + <name>.html.
// `npm start` prints the address of every page listed here.
const PAGES = [
  { name: "taskpane", entry: "./src/taskpane/index.tsx", template: "./src/taskpane/taskpane.html" },
  { name: "commands", entry: "./src/commands/commands.ts", template: "./src/commands/commands.html" },
  // The real pane on an in-memory workbook preloaded with the 2020 seed: try ZiPing without Excel.
  { name: "preview", entry: "./src/preview/index.tsx", template: "./src/preview/preview.html" },
];

/**
 * manifest*.xml in the project root, listed here rather than given to CopyWebpackPlugin as a glob:
 * a glob makes the whole project directory a watched context, so the dev server rebuilt (and
 * reloaded the pane) on every file anyone saved anywhere in the tree.
 */
function manifestFiles() {
  return fs.readdirSync(__dirname).filter((name) => /^manifest.*\.xml$/.test(name));
}

/**
 * https for the dev server. By default webpack-dev-server makes a self-signed certificate for
 * localhost (node_modules/.cache/webpack-dev-server/server.pem, renewed every 30 days) that the
 * machine running Excel must trust (office-addin-dev-certs cannot install its CA here).
 * ZIPING_DEV_CERT and ZIPING_DEV_KEY (PEM files) use a certificate you already trust instead.
 */
function devServerHttps() {
  const { ZIPING_DEV_CERT: cert, ZIPING_DEV_KEY: key } = process.env;
  if (!cert && !key) return "https";
  if (!cert || !key) throw new Error("set both ZIPING_DEV_CERT and ZIPING_DEV_KEY, or neither");
  return { type: "https", options: { cert: fs.readFileSync(cert), key: fs.readFileSync(key) } };
}

/** Adds a build warning (shown in webpack's output; the build still succeeds). */
class WarnPlugin {
  constructor(message) {
    this.message = message;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ZiPingWarning", (compilation) => {
      compilation.warnings.push(new compiler.webpack.WebpackError(this.message));
    });
  }
}

module.exports = (env, argv) => {
  const production = argv.mode !== "development";
  const prodUrl = production ? productionBaseUrl() : null;
  const officeJs = officeJsMode(env?.officeJs ?? process.env.ZIPING_OFFICE_JS);

  return {
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "eval-cheap-module-source-map",
    // No polyfill entry: Fluent UI v9 and React 18 need a modern webview (Edge/WebView2, Safari),
    // never IE11, so core-js would only add weight.
    entry: Object.fromEntries(PAGES.map((page) => [page.name, page.entry])),
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type checking is `npm run typecheck`'s job; the bundle only needs transpiling.
            options: { transpileOnly: true, compilerOptions: { noEmit: false } },
          },
        },
        {
          // src/core is pure (no side effects at load), so a page takes only the parts of it that
          // it uses: the pane leaves 叙述核对 (re-exported by core/narrative) to a chunk loaded on
          // first use instead of its start-up script.
          test: /[\\/]src[\\/]core[\\/]/,
          sideEffects: false,
        },
      ],
    },
    plugins: [
      ...PAGES.map(
        (page) =>
          new HtmlWebpackPlugin({
            filename: `${page.name}.html`,
            template: page.template,
            chunks: [page.name],
            // The templates' <%= htmlWebpackPlugin.options.officeJs %>.
            officeJs: officeJsUrl(officeJs),
          }),
      ),
      ...(production && productionUrlWarning() ? [new WarnPlugin(productionUrlWarning())] : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          ...officeJsCopyPatterns(officeJs),
          ...manifestFiles().map((file) => ({
            from: file,
            to: "[name][ext]",
            transform: (content) => (production ? rewriteForProduction(content.toString(), prodUrl) : content),
          })),
        ],
      }),
    ],
    // No vendor chunk: measured on the placeholder pane, splitting react + react-dom + Fluent into
    // vendor.js made the pane's script 73,657 bytes gzipped (vendor 67,491 + taskpane 6,166)
    // against 68,591 as one file, because concatenation across the chunk boundary is lost.
    performance: {
      // The budget that matters is gzipped script per page (see /work/shared/baselines.md);
      // webpack's raw-size hint does not measure that.
      hints: false,
    },
    devServer: {
      server: devServerHttps(),
      port: DEV_PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      client: { overlay: { warnings: false } },
    },
  };
};

module.exports.PAGES = PAGES;
