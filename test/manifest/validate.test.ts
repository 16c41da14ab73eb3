// Runs scripts/validate-manifest.js the way `npm run validate` does: the real manifest must pass,
// and copies broken in one specific way must fail with a message that names the problem.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const repo = path.resolve(__dirname, "../..");
const validator = path.join(repo, "scripts/validate-manifest.js");
const manifestPath = path.join(repo, "manifest.xml");
const manifest = readFileSync(manifestPath, "utf8");
const workDir = mkdtempSync(path.join(tmpdir(), "ziping-manifest-"));

// scripts/ are plain CommonJS without type declarations: required and typed here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rewriteForProduction, productionBaseUrl } = require("../../scripts/manifest/urls.js") as {
  rewriteForProduction: (text: string, baseUrl?: string) => string;
  productionBaseUrl: (value?: string) => string;
};

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function validate(file: string) {
  const run = spawnSync(process.execPath, [validator, file], { cwd: repo, encoding: "utf8" });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** Writes a copy of the manifest with one exact substitution (which must apply) and validates it. */
function validateBroken(name: string, from: string | RegExp, to: string) {
  const broken = manifest.replace(from, to);
  expect(broken, `substitution for ${name} must change the manifest`).not.toBe(manifest);
  const file = path.join(workDir, `${name}.xml`);
  writeFileSync(file, broken);
  return validate(file);
}

/** 1-based line number of the first occurrence of text in the manifest. */
function lineOf(text: string) {
  return manifest.slice(0, manifest.indexOf(text)).split("\n").length;
}

describe("manifest.xml", () => {
  it("passes validation", () => {
    const { status, output } = validate(manifestPath);
    expect(output).toContain("manifest.xml: valid");
    expect(output).toContain("ExcelApi 1.7");
    expect(output).not.toMatch(/error:/);
    expect(status).toBe(0);
  });

  it("still passes once the production build has rewritten its URLs, with no localhost URL left", () => {
    const production = rewriteForProduction(manifest, productionBaseUrl("https://ziping.example.gov.cn/zp"));
    expect(production).not.toMatch(/https?:\/\/localhost/);
    expect(production).toContain('DefaultValue="https://ziping.example.gov.cn/zp/taskpane.html"');
    expect(production).toContain("<AppDomain>https://ziping.example.gov.cn</AppDomain>");
    const file = path.join(workDir, "production.xml");
    writeFileSync(file, production);
    expect(validate(file).status).toBe(0);
  });
});

describe("a broken manifest fails, naming the problem and its line", () => {
  const cases: { name: string; from: string | RegExp; to: string; expected: RegExp; line?: string }[] = [
    {
      name: "unclosed tag",
      from: "<Version>0.1.0.0</Version>",
      to: "<Version>0.1.0.0",
      expected: /not well-formed XML: <Version> opened at line \d+ is not closed/,
    },
    {
      name: "missing DisplayName",
      from: /\s*<DisplayName [\s\S]*?<\/DisplayName>/,
      to: "",
      expected: /<OfficeApp> is missing required <DisplayName>/,
    },
    {
      name: "elements out of order",
      from: "<Version>0.1.0.0</Version>\n  <ProviderName>ZiPing</ProviderName>",
      to: "<ProviderName>ZiPing</ProviderName>\n  <Version>0.1.0.0</Version>",
      expected: /<Version> is out of order in <OfficeApp>: it must come before <ProviderName>/,
    },
    {
      name: "dangling resid",
      from: '<Label resid="Group.Label"/>',
      to: '<Label resid="Group.Missing"/>',
      expected: /resid "Group.Missing" on <Label> does not match any <bt:ShortStrings> entry/,
      line: '<Label resid="Group.Label"/>',
    },
    {
      name: "resid of the wrong kind",
      from: '<Description resid="TaskpaneButton.Tooltip"/>',
      to: '<Description resid="TaskpaneButton.Label"/>',
      expected: /resid "TaskpaneButton.Label" on <Description> names a ShortStrings entry .* needs one from LongStrings/,
    },
    {
      name: "http URL",
      from: '<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/>',
      to: '<bt:Url id="Taskpane.Url" DefaultValue="http://localhost:3000/taskpane.html"/>',
      expected: /DefaultValue on <Url> "http:\/\/localhost:3000\/taskpane.html" must use https/,
      line: '<bt:Url id="Taskpane.Url"',
    },
    {
      name: "bad GUID",
      from: /<Id>[^<]*<\/Id>/,
      to: "<Id>deccfcac-c0f6-46cd-9781-not-a-guid</Id>",
      expected: /<Id> "deccfcac-c0f6-46cd-9781-not-a-guid" is not a GUID/,
      line: "<Id>",
    },
    {
      name: "version with too few parts",
      from: "<Version>0.1.0.0</Version>",
      to: "<Version>0.1</Version>",
      expected: /<Version> "0.1" is not a version of the form n.n.n.n/,
    },
    {
      name: "short string over 125 characters",
      from: 'DefaultValue="绩效自评"',
      to: `DefaultValue="${"长".repeat(126)}"`,
      expected: /DefaultValue on <String> is 126 characters long; the limit is 125/,
    },
    {
      name: "ribbon icon list without the 80 px size",
      from: /\n\s*<bt:Image size="80" resid="Icon.80x80"\/>/,
      to: "",
      expected: /<Icon> in <Group> lacks the mandatory size 80/,
    },
    {
      name: "icon file of the wrong size",
      from: '<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>',
      to: '<IconUrl DefaultValue="https://localhost:3000/assets/icon-16.png"/>',
      expected: /assets\/icon-16.png is 16x16 px; IconUrl DefaultValue needs 32x32/,
    },
    {
      name: "asset that does not exist",
      from: "assets/icon-80.png",
      to: "assets/icon-800.png",
      expected: /has no file assets\/icon-800.png/,
    },
    {
      name: "no ExcelApi requirement",
      from: '<Set Name="ExcelApi" MinVersion="1.7"/>',
      to: '<Set Name="WordApi" MinVersion="1.7"/>',
      expected: /<Requirements> must name the ExcelApi requirement set/,
    },
    {
      name: "host other than Workbook",
      from: '<Host Name="Workbook"/>',
      to: '<Host Name="Document"/>',
      expected: /<Host Name="Document"> is not Excel/,
    },
    {
      name: "ribbon image in the wrong namespace",
      from: '<bt:Image size="16" resid="Icon.16x16"/>',
      to: '<Image size="16" resid="Icon.16x16"/>',
      expected: /<Image> in .*\/Icon is in http:\/\/schemas.microsoft.com\/office\/taskpaneappversionoverrides .* must be in http:\/\/schemas.microsoft.com\/office\/officeappbasictypes\/1.0/,
    },
    {
      name: "misspelt attribute",
      from: '<HighResolutionIconUrl DefaultValue=',
      to: '<HighResolutionIconUrl DefaultVaule=',
      expected: /attribute DefaultVaule is not allowed on <HighResolutionIconUrl>/,
    },
    {
      name: "URL on another localhost port",
      from: "https://localhost:3000/commands.html",
      to: "https://localhost:3001/commands.html",
      expected: /https:\/\/localhost:3001\/commands.html .* does not use https:\/\/localhost:3000/,
    },
    {
      name: "string without its en-US override",
      from: /\n\s*<bt:Override Locale="en-US" Value="Self-evaluation"\/>/,
      to: "",
      expected: /<String> "Group.Label" has no <Override Locale="en-US">/,
    },
    {
      name: "bare ampersand",
      from: "<ProviderName>ZiPing</ProviderName>",
      to: "<ProviderName>Zi & Ping</ProviderName>",
      expected: /not well-formed XML: '&' must start a reference/,
    },
  ];

  it.each(cases)("$name", ({ name, from, to, expected, line }) => {
    const { status, output } = validateBroken(name.replace(/\W+/g, "-"), from, to);
    expect(output).toMatch(expected);
    expect(output).toMatch(/INVALID, \d+ errors?/);
    if (line) expect(output).toContain(`.xml:${lineOf(line)}:`);
    expect(status).toBe(1);
  });
});
