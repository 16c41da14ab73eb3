#!/usr/bin/env node
// Validates Office add-in manifests offline: `node scripts/validate-manifest.js manifest.xml [...]`
// (npm run validate). Exit code 0 when every manifest is valid, 1 when any has an error,
// 2 on bad usage. Problems print as file:line:column so editors can jump to them.
//
// Three layers, because Microsoft's XSDs are not shipped in any package and its validation
// service is online only:
//   1. well-formed XML with resolvable namespaces (manifest/xml.js);
//   2. the schema's structure, order, attributes and values (manifest/schema.js) plus the
//      cross-references a schema cannot express (resids, icon sizes, ExcelApi, Workbook);
//   3. the files behind https://localhost URLs (assets/ exists, PNG sizes) and
//      `office-addin-manifest info` as an independent reader.
//
// Options: --assets DIR   where /assets/ URLs are looked up (default: the repository's assets/)
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { parseXml, XmlError } = require("./manifest/xml");
const { checkStructure } = require("./manifest/check-structure");
const { checkReferences } = require("./manifest/check-references");
const { checkAssets } = require("./manifest/check-assets");
const { officeAddinInfo } = require("./manifest/office-addin-info");
const { DEV_ORIGIN } = require("./manifest/urls");

const DEFAULT_ASSETS_DIR = path.join(__dirname, "..", "assets");

/**
 * Validates one manifest file.
 * @returns {{ problems: { line: number, column: number, message: string, severity: string }[], summary: string }}
 */
function validateManifest(file, { assetsDir = DEFAULT_ASSETS_DIR } = {}) {
  const source = fs.readFileSync(file, "utf8");
  let root;
  try {
    root = parseXml(source);
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    return { problems: [{ line: error.line, column: error.column, message: `not well-formed XML: ${error.message}`, severity: "error" }], summary: "" };
  }
  const facts = checkStructure(root);
  const references = checkReferences(root, facts);
  const problems = [
    ...facts.problems,
    ...references.problems,
    ...checkAssets(facts, references.imageSizes, { devOrigin: DEV_ORIGIN, assetsDir }),
  ];
  const info = officeAddinInfo(file);
  if (!info.ok) problems.push({ line: 1, column: 1, message: `office-addin-manifest info failed:\n${info.output}`, severity: "error" });

  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  const count = (kind) => facts.definitions.filter((d) => d.kind === kind).length;
  const summary = `TaskPaneApp for Excel, ExcelApi ${references.excelApiVersion ?? "?"}; resources: ${count("image")} images, ${count("url")} URLs, ${count("short")} short and ${count("long")} long strings`;
  return { problems, summary };
}

function main(argv) {
  const files = [];
  let assetsDir = DEFAULT_ASSETS_DIR;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--assets") assetsDir = path.resolve(argv[++i] ?? "");
    else if (argv[i].startsWith("-")) return usage(`unknown option ${argv[i]}`);
    else files.push(argv[i]);
  }
  if (!files.length) return usage("no manifest given");

  let failed = false;
  for (const file of files) {
    if (!fs.existsSync(file)) {
      console.error(`${file}: no such file`);
      failed = true;
      continue;
    }
    const { problems, summary } = validateManifest(file, { assetsDir });
    for (const problem of problems) {
      const line = `${file}:${problem.line}:${problem.column}: ${problem.severity}: ${problem.message}`;
      if (problem.severity === "error") console.error(line);
      else console.warn(line);
    }
    const errors = problems.filter((p) => p.severity === "error").length;
    if (errors) {
      failed = true;
      console.error(`${file}: INVALID, ${errors} error${errors === 1 ? "" : "s"}`);
    } else {
      console.log(`${file}: valid (${summary})`);
    }
  }
  return failed ? 1 : 0;
}

function usage(message) {
  console.error(`${message}\nusage: node scripts/validate-manifest.js [--assets DIR] manifest.xml [more.xml ...]`);
  return 2;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = { validateManifest };
