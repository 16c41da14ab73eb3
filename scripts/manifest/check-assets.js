// Checks the files behind the manifest's development URLs: every https://localhost URL uses the
// dev-server origin (the only one the production build rewrites), every /assets/ URL names a file
// in assets/, and every image there is a real PNG of the size Office will show it at
// (IconUrl 32 px, HighResolutionIconUrl 64 px, ribbon images the size their <Icon> list says).
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { attributeOf } = require("./xml");
const { NS } = require("./schema");

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const TOP_LEVEL_ICON_SIZES = { IconUrl: 32, HighResolutionIconUrl: 64 };

/** Reads width and height from a PNG's IHDR chunk; returns null if the file is not a PNG. */
function readPngSize(file) {
  const header = Buffer.alloc(24);
  const fd = fs.openSync(file, "r");
  try {
    if (fs.readSync(fd, header, 0, 24, 0) < 24) return null;
  } finally {
    fs.closeSync(fd);
  }
  if (!header.subarray(0, 8).equals(PNG_SIGNATURE) || header.toString("latin1", 12, 16) !== "IHDR") return null;
  return { width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
}

/** The pixel size this URL's image must have, or undefined when nothing states one. */
function expectedSize(fact, imageSizes) {
  const { element, role } = fact;
  if (!role.endsWith("DefaultValue")) return undefined; // locale overrides: the file is checked, not its size
  if (element.ns === NS.office) return TOP_LEVEL_ICON_SIZES[element.local];
  if (element.ns === NS.bt && element.local === "Image") return imageSizes.get(attributeOf(element, "id")?.value);
  return undefined;
}

/**
 * @param {import("./check-structure").StructureResult} facts
 * @param {Map<string, number>} imageSizes image resource id -> expected size
 * @param {{ devOrigin: string, assetsDir: string }} options
 */
function checkAssets(facts, imageSizes, { devOrigin, assetsDir }) {
  const problems = [];
  const report = (at, message) => problems.push({ line: at.line, column: at.column, message, severity: "error" });
  for (const fact of facts.urls) {
    let url;
    try {
      url = new URL(fact.value);
    } catch {
      continue; // already reported by the value rules
    }
    if (url.hostname !== "localhost") continue;
    if (url.origin !== devOrigin) {
      report(fact.element, `${fact.value} (${fact.role}) does not use ${devOrigin}, so the production build would not rewrite it`);
      continue;
    }
    if (!url.pathname.startsWith("/assets/")) continue; // pages come from webpack, not assets/
    const relative = decodeURIComponent(url.pathname.slice("/assets/".length));
    const file = path.resolve(assetsDir, relative);
    if (!file.startsWith(path.resolve(assetsDir) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      report(fact.element, `${fact.value} (${fact.role}) has no file assets/${relative}`);
      continue;
    }
    const wanted = expectedSize(fact, imageSizes);
    if (!relative.toLowerCase().endsWith(".png") && wanted === undefined) continue;
    const size = readPngSize(file);
    if (!size) {
      report(fact.element, `assets/${relative} (${fact.role}) is not a PNG file`);
    } else if (wanted !== undefined && (size.width !== wanted || size.height !== wanted)) {
      report(fact.element, `assets/${relative} is ${size.width}x${size.height} px; ${fact.role} needs ${wanted}x${wanted}`);
    }
  }
  return problems;
}

module.exports = { checkAssets, readPngSize };
