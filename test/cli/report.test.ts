import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { runCli } from "./run-cli";

const SEED = join(__dirname, "..", "fixtures", "seed-2020.json");

async function part(file: string, path: string): Promise<string> {
  return (await JSZip.loadAsync(readFileSync(file))).file(path)!.async("string");
}

describe("ziping report", () => {
  const dir = mkdtempSync(join(tmpdir(), "ziping-report-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is listed in ziping --help", async () => {
    const { stdout } = await runCli(["--help"]);
    expect(stdout).toContain("ziping report FILE.xlsx|FILE.json --out 自评报告.docx");
    expect(stdout).toContain("--no-findings");
  });

  it("writes an A4 document in the 公文 fonts, with page numbers and the 校验提示 page", async () => {
    const out = join(dir, "报告.docx");
    const result = await runCli(["report", SEED, "--out", out, "--date", "2021年3月10日"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("校验提示");
    const body = await part(out, "word/document.xml");
    expect(body).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    for (const font of ["方正小标宋简体", "黑体", "仿宋_GB2312", "宋体"]) expect(body).toContain(`w:eastAsia="${font}"`);
    expect(body).toContain("校验提示");
    expect(body).toContain("2021年3月10日");
    const fonts = await part(out, "word/fontTable.xml");
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="黑体"/>');
    const footers = (await JSZip.loadAsync(readFileSync(out))).file(/word\/footer\d*\.xml/);
    const footerXml = (await Promise.all(footers.map((f) => f.async("string")))).join("");
    expect(footerXml).toContain("PAGE");
  });

  it("leaves the 校验提示 page out with --no-findings", async () => {
    const out = join(dir, "无提示.docx");
    expect((await runCli(["report", SEED, "--out", out, "--no-findings"])).code).toBe(0);
    expect(await part(out, "word/document.xml")).not.toContain("校验提示");
  });

  it("refuses to overwrite a file, and a name that is not .docx", async () => {
    const out = join(dir, "已有.docx");
    expect((await runCli(["report", SEED, "--out", out])).code).toBe(0);
    const again = await runCli(["report", SEED, "--out", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("文件已存在");
    const wrong = await runCli(["report", SEED, "--out", join(dir, "报告.doc")]);
    expect(wrong.stderr).toContain("应以 .docx 结尾");
    expect(existsSync(join(dir, "报告.doc"))).toBe(false);
  });
});
