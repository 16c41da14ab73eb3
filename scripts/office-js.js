// Where the add-in's pages load office.js from.
//
//   npm run build                          Microsoft's CDN (the default; required for add-ins
//                                          published to AppSource or through Microsoft 365)
//   ZIPING_OFFICE_JS=bundled npm run build office.js and the files it loads for Excel, copied
//                                          unmodified from @microsoft/office-js into dist/office-js/
//                                          (an intranet that cannot reach the CDN)
//
// office.js is only a loader: at start it loads one more script chosen by the host it runs in,
// and the locale strings, from the folder it was itself loaded from (getOfficeJsBasePath). So the
// bundled copy is that loader plus exactly those files for Excel, not the package's 87 MB.
"use strict";

const path = require("node:path");

const CDN_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** The folder under dist/ that holds the bundled copy. */
const BUNDLED_DIR = "office-js";

/**
 * What office.js loads in Excel, read from office.debug.js of @microsoft/office-js 1.1.110
 * (OSF._OfficeAppFactory.initialize and OSF.HostSpecificFileVersionMap): a host that passes
 * _host_Info ("Excel$Win32$16.01$zh-CN$…") gets `excel-<platform>-<version>.js`, the version
 * capped at the map's (excel: win32 16.01, web/mac 16.00); a page with no host info (a plain
 * browser, Office 2013) gets o15apptofilemappingtable.js. Locale strings come from
 * `<locale>/office_strings.js`, falling back to en-us when the locale's file does not load.
 *
 * Not copied: excel-win32-16.00.js, for Windows builds that report 16.00 (Excel 2016 bought
 * once), which support only ExcelApi 1.1 ("the only Excel-specific requirement set supported by
 * Excel 2016", learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-1-1-requirement-set)
 * while the manifest asks for 1.7, so Excel never opens ZiPing there (that file also fetches
 * MicrosoftAjax.js from ajax.aspnetcdn.com, which an intranet cannot reach); Excel 2013's
 * excel-15*.js, likewise; iPad (excel-ios), the -core and .debug variants, other hosts and
 * other languages (a language without its file here falls back to en-us).
 */
const BUNDLED_FILES = [
  { file: "office.js", why: "the loader the pages reference" },
  { file: "o15apptofilemappingtable.js", why: "loaded when there is no host info: the page opened outside Office (the pane's notice)" },
  { file: "excel-win32-16.01.js", why: "Excel on Windows (Microsoft 365, 2019, 2021, 2024)" },
  { file: "excel-web-16.00.js", why: "Excel on the web" },
  { file: "excel-mac-16.00.js", why: "Excel for Mac" },
  { file: "zh-cn/office_strings.js", why: "Office.js's own messages in Chinese (the officers' Office)" },
  { file: "en-us/office_strings.js", why: "office.js's fallback locale, loaded when the host's locale has no file here" },
  { file: "telemetry/oteljs_agave.js", why: "office.js loads it from its own folder inside Office (its usage log goes through the host)" },
  { file: "../LICENSE.md", to: "LICENSE.md", why: "Microsoft's licence terms for office.js travel with the copy" },
];

const MODES = ["cdn", "bundled"];

/** "cdn" or "bundled"; an unset or empty value is "cdn"; anything else is refused with what to do. */
function officeJsMode(value = process.env.ZIPING_OFFICE_JS) {
  const mode = (value ?? "").trim() || "cdn";
  if (MODES.includes(mode)) return mode;
  throw new Error(
    `ZIPING_OFFICE_JS="${value}" is not understood. Use ZIPING_OFFICE_JS=bundled to serve office.js from dist/${BUNDLED_DIR}/ ` +
      "(an intranet without internet access), or leave it unset (or cdn) to load it from Microsoft's CDN, " +
      "as add-ins published to AppSource or through Microsoft 365 must.",
  );
}

/** The src of the pages' office.js script tag: relative for the bundled copy, so any base URL works. */
function officeJsUrl(mode) {
  return mode === "bundled" ? `${BUNDLED_DIR}/office.js` : CDN_URL;
}

/** @microsoft/office-js's dist folder. */
function packageDist() {
  return path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");
}

/**
 * CopyWebpackPlugin patterns for the bundled copy (none for the CDN). The files are marked
 * minimized so the production build's minifier leaves them byte for byte as Microsoft ships
 * them (the licence forbids modifying them).
 */
function officeJsCopyPatterns(mode) {
  if (mode !== "bundled") return [];
  const dist = packageDist();
  return BUNDLED_FILES.map(({ file, to }) => ({
    from: path.join(dist, file),
    to: path.posix.join(BUNDLED_DIR, to ?? file),
    info: { minimized: true },
  }));
}

module.exports = { CDN_URL, BUNDLED_DIR, BUNDLED_FILES, officeJsMode, officeJsUrl, officeJsCopyPatterns, packageDist };
