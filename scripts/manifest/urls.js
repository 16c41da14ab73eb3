// The add-in's two addresses: the dev server's (written in manifest.xml) and the production
// one (ZIPING_PROD_URL at build time), and the rewrite from one to the other.
"use strict";

const packageJson = require("../../package.json");

const DEV_PORT = Number(process.env.npm_package_config_dev_server_port || packageJson.config.dev_server_port);
// The origin every development URL in manifest.xml uses; the production build replaces it.
const DEV_ORIGIN = `https://localhost:${DEV_PORT}`;
// A placeholder, so a build without ZIPING_PROD_URL is visibly not deployable.
const DEFAULT_PRODUCTION_URL = "https://ziping.example.gov.cn/";

/** The production base URL with a trailing slash; throws unless it is an absolute https URL. */
function productionBaseUrl(value = process.env.ZIPING_PROD_URL || DEFAULT_PRODUCTION_URL) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`ZIPING_PROD_URL "${value}" is not an absolute URL`);
  }
  if (url.protocol !== "https:") throw new Error(`ZIPING_PROD_URL "${value}" must use https: Office loads add-ins only over https`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/**
 * Replaces the dev origin in manifest text: "https://localhost:3000/x" becomes "<base>x"
 * (so a base with a path, such as https://host/ziping/, works), and a bare
 * "https://localhost:3000" (an AppDomain) becomes the production origin.
 */
function rewriteForProduction(text, baseUrl = productionBaseUrl()) {
  const origin = new URL(baseUrl).origin;
  const escaped = DEV_ORIGIN.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // (?![0-9]) keeps https://localhost:30001 from matching https://localhost:3000.
  const devUrl = new RegExp(`${escaped}(?![0-9])(/)?`, "g");
  return text.replace(devUrl, (_match, slash) => (slash ? baseUrl : origin));
}

/**
 * The warning a production build without ZIPING_PROD_URL gives: its manifest points at the
 * placeholder, which no Office will load. A warning, not an error: building to try the pages
 * locally is fine.
 */
function productionUrlWarning(value = process.env.ZIPING_PROD_URL) {
  if (value) return undefined;
  return (
    `ZIPING_PROD_URL is not set: dist/manifest*.xml point at the placeholder ${DEFAULT_PRODUCTION_URL} and cannot be deployed. ` +
    "Set it to the address dist/ will be published at, e.g. ZIPING_PROD_URL=https://excel.czj.example.gov.cn/ziping/ npm run build"
  );
}

module.exports = { DEV_PORT, DEV_ORIGIN, DEFAULT_PRODUCTION_URL, productionBaseUrl, productionUrlWarning, rewriteForProduction };
