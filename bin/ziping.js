#!/usr/bin/env node
"use strict";
// The CLI is compiled to lib/ by `npm ci` (the prepare script) or `npm run build:cli`.
let cli;
try {
  cli = require("../lib/cli/main.js");
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND") {
    process.stderr.write("ziping: 命令行尚未编译，请先运行 npm ci 或 npm run build:cli (lib/cli/main.js missing)\n");
    process.exit(2);
  }
  throw e;
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
