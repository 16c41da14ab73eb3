import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { verifyNarrative } from "../../src/core/narrative";
import { defaultForm } from "../../src/core/spec";
import { loadSeed } from "../fixtures/load";
import { percentOf } from "../core/money/exact-oracle";
import { runCli } from "./run-cli";
import { scoredNarrative } from "../../src/cli/scored-narrative";

const fixtures = join(__dirname, "../fixtures");
const seed2020 = join(fixtures, "seed-2020.json");
const summary = join(fixtures, "narrative/2020-summary.txt");
const tmp = mkdtempSync(join(tmpdir(), "ziping-narrate-"));
const write = (name: string, content: string | Buffer) => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};

describe("ziping narrate --data", () => {
  it("prints the paragraphs under their headings, and what is missing for the rest", async () => {
    const { code, stdout } = await runCli(["narrate", "--data", seed2020]);
    expect(code).toBe(0);
    const core = scoredNarrative(defaultForm, loadSeed(2020));
    for (const p of core.paragraphs.filter((x) => x.status === "ok")) expect(stdout).toContain(`【${p.title}】\n${p.text}`);
    expect(stdout).toContain("【一般公共预算支出情况】未生成，缺少：基本支出功能科目未填写");
    expect(stdout).toContain(`生成 ${core.paragraphs.filter((x) => x.status === "ok").length}/${core.paragraphs.length} 段`);
  });

  it("--json lists every sentence's id, text, facts and fields, as the core builds them", async () => {
    const { code, stdout } = await runCli(["narrate", "--data", seed2020, "--json"]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    const core = scoredNarrative(defaultForm, loadSeed(2020));
    expect(out.paragraphs).toEqual(JSON.parse(JSON.stringify(core.paragraphs)));
    const s = out.paragraphs.flatMap((p: { sentences: unknown[] }) => p.sentences).find((x: { id: string }) => x.id === "sangong.change.vehicleOps");
    expect(s.text).toContain("97.01%");
    expect(s.fields).toEqual(["sangong.vehicleOps.prior", "sangong.vehicleOps.current"]);
    expect(out.options.precision).toBe("shown");
  });

  it("--wording switches words and precision", async () => {
    const { stdout } = await runCli(["narrate", "--data", seed2020, "--wording", "decrease=下降,selfRef=我部门,rate,precision=full"]);
    expect(stdout).toContain("公务接待费实际支出1.90万元，比上年下降44.77%");
    expect(stdout).toContain("我部门基本支出预算超支273.68万元");
    expect(stdout).toContain("预算执行率153.95%");
    expect(stdout).toContain("按完整精度计算");
  });

  it("a wording outside the set is unusable input: exit 2, one line", async () => {
    const { code, stderr } = await runCli(["narrate", "--data", seed2020, "--wording", "decrease=暴跌"]);
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain("降低/下降/减少");
  });

  it("without --data: exit 2", async () => {
    const { code, stderr } = await runCli(["narrate"]);
    expect(code).toBe(2);
    expect(stderr).toContain("--data");
  });
});

describe("ziping narrate --verify", () => {
  it("exits 1 on the 2020 summary and prints the slips, the 尾差 and the 未核对", async () => {
    const { code, stdout } = await runCli(["narrate", "--data", seed2020, "--verify", summary]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/错误 {2}\S+!\S+ {2}第\d+行「基本支出预算超支294.48万元」：按表应为超支273.68万元/);
    expect(stdout.match(/97\.02%/g)?.length).toBeGreaterThanOrEqual(2);
    expect(stdout).toContain("提示");
    expect(stdout).toContain("未核对");
    expect(stdout).toContain("「科技创新与开发经费70万元」");
    expect(stdout).toMatch(/3 个错误，1 条提示/);
  });

  it("--json carries the same findings as the core", async () => {
    const { code, stdout } = await runCli(["narrate", "--data", seed2020, "--verify", summary, "--json"]);
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    const { readFileSync } = await import("node:fs");
    const core = verifyNarrative(defaultForm, loadSeed(2020), readFileSync(summary, "utf8"));
    expect(out.findings).toEqual(JSON.parse(JSON.stringify(core.findings)));
    expect(out.summary).toEqual(core.summary);
  });

  it("exits 0 when the text agrees, and reads a GBK file", async () => {
    const text = "其中公务接待费实际支出1.90万元，比上年降低44.77%；公务用车运行维护费实际使用0.12万元，比上年降低97.01%。";
    const path = write("gbk.txt", iconv.encode(text, "gbk"));
    const { code, stdout } = await runCli(["narrate", "--data", seed2020, "--verify", path]);
    expect(code).toBe(0);
    expect(stdout).toContain("0 个错误");
    expect(stdout).toContain("一致 4 处");
  });

  it("an unreadable text file is unusable input: exit 2", async () => {
    const { code, stderr } = await runCli(["narrate", "--data", seed2020, "--verify", join(tmp, "nope.txt")]);
    expect(code).toBe(2);
    expect(stderr).toContain("无法读取文件");
  });
});

describe("ziping narrate --form F --verify: the vocabulary comes from that form's labels", () => {
  const form = join(fixtures, "forms/bumen-juesuan-mini.json");
  const data = join(fixtures, "forms/bumen-juesuan-mini.data.json");
  const values = (JSON.parse(readFileSync(data, "utf8")) as { values: Record<string, string> }).values;
  // Shares and execution rates recomputed exactly from the data file.
  const general = percentOf(values["income.general"], values["income.total"], 2);
  const other = percentOf(values["income.other"], values["income.total"], 2);
  const reception = percentOf(values["sangong.reception.actual"], values["sangong.reception.budget"], 2);
  const vehicle = percentOf(values["sangong.vehicle.actual"], values["sangong.vehicle.budget"], 2);
  const lines = [
    `一般公共预算财政拨款收入${values["income.general"]}万元，占本年收入合计的${general}%。`,
    `其他收入${values["income.other"]}万元，占本年收入合计的${other}%。`,
    `公务接待费决算${values["sangong.reception.actual"]}万元，完成预算的${reception}%；公务用车购置及运行费决算${values["sangong.vehicle.actual"]}万元，完成预算的${vehicle}%。`,
  ];

  it("checks every figure of a right text against that form's cells", async () => {
    const { code, stdout } = await runCli(["narrate", data, "--form", form, "--verify", write("mini-right.txt", lines.join("\n"))]);
    expect(code).toBe(0);
    expect(stdout).toContain("核对 8 处，一致 8 处，0 个错误");
    expect(stdout).toContain("0 处未核对");
  });

  it("one wrong percentage: exactly that one is reported", async () => {
    const wrongShare = "99.31";
    expect(wrongShare).not.toBe(general);
    const text = [lines[0].replace(`${general}%`, `${wrongShare}%`), ...lines.slice(1)].join("\n");
    const { code, stdout } = await runCli(["narrate", data, "--form", form, "--verify", write("mini-wrong.txt", text)]);
    expect(code).toBe(1);
    const errors = stdout.split("\n").filter((l) => l.startsWith("错误"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`“${wrongShare}%”`);
    expect(errors[0]).toContain(`${general}%`);
    expect(stdout).toContain("1 个错误，0 条提示，0 处未核对");
  });
});

describe("ziping narrate --verify: the issue's misreadings on the 2020 seed", () => {
  it("no error against a line the sentence is not about; the slips it does have, named", async () => {
    const text = [
      "项目支出预算14.76万元，其中商品和服务支出预算14.76万元，占项目支出预算的100%。",
      "“三公”经费支出预算0万元。",
      "对个人和家庭补助预算11.16万元，占基本支出预算的2.20%。",
      "公务接待費本年支出1.90萬元。",
      "工资福利支出预算419.35万元，占基本支出预算%。",
    ].join("\n");
    const { code, stdout } = await runCli(["narrate", "--data", seed2020, "--verify", write("misreadings.txt", text)]);
    expect(stdout).not.toContain("76.81");
    expect(stdout).not.toContain("522.08");
    const errors = stdout.split("\n").filter((l) => l.startsWith("错误"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("第5行「占基本支出预算%」：“%”前没有数字");
    expect(code).toBe(1);
    expect(stdout).toContain("1 个错误");
  });
});

describe("ziping narrate --form: a form's own paragraphs, from its bindings", () => {
  const form = join(fixtures, "forms/bumen-juesuan-mini.json");
  const dataFile = join(fixtures, "forms/bumen-juesuan-mini.data.json");

  it("writes the mini 决算 form's three paragraphs; every figure recomputed here with exact decimals", async () => {
    const { readFileSync } = await import("node:fs");
    const { default: Decimal } = await import("decimal.js");
    const v = JSON.parse(readFileSync(dataFile, "utf8")).values as Record<string, string>;
    const d = (id: string) => new Decimal(v[id]);
    const wan = (x: InstanceType<typeof Decimal>) => `${x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)}万元`;
    const pct = (part: InstanceType<typeof Decimal>, whole: InstanceType<typeof Decimal>) =>
      `${part.div(whole).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)}%`;

    const { code, stdout } = await runCli(["narrate", dataFile, "--form", form]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      `【收入决算情况】\n我单位本年收入合计${wan(d("income.total"))}，其中一般公共预算财政拨款收入${wan(d("income.general"))}，` +
        `政府性基金预算财政拨款收入${wan(d("income.fund"))}，其他收入${wan(d("income.other"))}。` +
        `一般公共预算财政拨款收入${wan(d("income.general"))}，占本年收入合计的${pct(d("income.general"), d("income.total"))}，` +
        `其他收入${wan(d("income.other"))}，占收入合计的${pct(d("income.other"), d("income.total"))}。`,
    );
    // The listing adds up to the sum of its lines; the total cell that disagrees (947.49) is a note.
    const lines = d("spending.line[1].total").plus(d("spending.line[2].total"));
    expect(stdout).toContain(`我单位本年支出${wan(lines)}，其中：行政运行${wan(d("spending.line[1].total"))}；机关事业单位基本养老保险缴费支出${wan(d("spending.line[2].total"))}。`);
    expect(stdout).toContain(`注：支出（按功能分类）·本年支出合计·合计为${wan(d("spending.all.total"))}，各项之和为${wan(lines)}，句中按各项之和。`);
    const over = d("sangong.total.actual").minus(d("sangong.total.budget"));
    const vehicleOver = d("sangong.vehicle.actual").minus(d("sangong.vehicle.budget"));
    const receptionLeft = d("sangong.reception.budget").minus(d("sangong.reception.actual"));
    expect(stdout).toContain(
      `【“三公”经费支出情况】\n“三公”经费决算${wan(d("sangong.total.actual"))}，预算${wan(d("sangong.total.budget"))}，超出预算${wan(over)}，` +
        `预算执行率${pct(d("sangong.total.actual"), d("sangong.total.budget"))}。` +
        `我单位“三公”经费预算超支${wan(over)}，其中：公务用车购置及运行费超支${wan(vehicleOver)}。结余项目合计结余${wan(receptionLeft)}。`,
    );
    expect(stdout).toContain("生成 3/3 段");
  });

  it("a paragraph with an input missing writes what it can and names what is missing per sentence", async () => {
    const data = JSON.parse((await import("node:fs")).readFileSync(dataFile, "utf8"));
    delete data.values["income.fund"];
    const { code, stdout } = await runCli(["narrate", write("mini-partial.json", JSON.stringify(data)), "--form", form]);
    expect(code).toBe(0);
    // The shares sentence does not read 政府性基金 and is written; the total sentence lists what it lacks.
    expect(stdout).toMatch(/【收入决算情况】\n一般公共预算财政拨款收入[^\n]*占本年收入合计的[^\n]*。\n {2}未生成 income.total，缺少：收入·政府性基金预算财政拨款收入未填写\n/);
    expect(stdout).toContain("生成 2/3 段，1 段部分生成");
  });
});
