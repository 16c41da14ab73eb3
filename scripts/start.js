#!/usr/bin/env node
// `npm start`: serves the add-in from webpack-dev-server (development build, https, port from
// package.json config.dev_server_port) and says what to sideload.
"use strict";

const path = require("node:path");
const webpack = require("webpack");
const WebpackDevServer = require("webpack-dev-server");
const createConfig = require("../webpack.config.js");
const { DEV_ORIGIN } = require("./manifest/urls");

async function main() {
  const config = createConfig({}, { mode: "development" });
  // Open the preview page (the pane on a sample workbook) in the default browser, where there is
  // a desktop to open it on; ZIPING_OPEN=0 skips it.
  const hasDesktop = process.platform !== "linux" || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (process.env.ZIPING_OPEN !== "0" && hasDesktop) config.devServer.open = ["/preview.html"];
  const server = new WebpackDevServer(config.devServer, webpack(config));
  await server.start();

  // Every page in webpack.config.js's PAGES is listed, so a new page (such as the preview
  // page) shows up here without touching this script.
  const notes = { preview: "  (the pane on a sample workbook: no Excel needed)" };
  const pages = createConfig.PAGES.map(
    (page) => `  ${page.name.padEnd(10)} ${DEV_ORIGIN}/${page.name}.html${notes[page.name] ?? ""}`,
  );
  console.log(
    [
      "",
      "ZiPing dev server is running (Ctrl+C to stop).",
      `  add-in     ${DEV_ORIGIN}/taskpane.html`,
      ...pages.filter((line) => !line.trimStart().startsWith("taskpane ")),
      `  manifest   ${path.resolve(__dirname, "..", "manifest.xml")}`,
      "",
      "Sideload that manifest into Excel (see README: 旁加载 / Sideloading).",
      `The certificate is self-signed: open ${DEV_ORIGIN}/taskpane.html in the browser Excel uses and`,
      "trust it first, or Excel shows a blank pane.",
      "",
    ].join("\n"),
  );

  const stop = () => server.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
