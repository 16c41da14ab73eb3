import { parseArgs } from "node:util";
import { defaultForm, defaultScoringTable, fieldsMarkdown, type FormSpec } from "../core/spec";
import { checkCommand } from "./commands/check";
import { checkWith } from "./commands/check-with";
import { checkPath } from "./commands/workbook";
import { importCommand } from "./commands/import";
import { narrateCommand, parseWording } from "./commands/narrate";
import { loadScoringTable, scoreCommand } from "./commands/score";
import { reportCommand } from "./commands/report";
import { nextYear, parseUnits, priorTemplateData, templateCommand } from "./commands/template";
import { importPriorCommand } from "./commands/import-prior";
import { writeFileAtomically } from "./atomic-write";
import { loadForm, loadReportData } from "./load-data";
import { loadSource } from "./source";
import { shown, terminalSafe } from "./shown";
import { EXIT_OK, EXIT_UNUSABLE, UsageError } from "./usage-error";

export const HELP = `ziping — 自评表助手 (ZiPing) 命令行

用法 Usage:
  ziping template --out FILE.xlsx [--year 2025] [--dept 部门名称] [--units 局机关,二级机构] [--form juesuan] [--force]
  ziping template --out FILE.xlsx --data FILE.json [--force]
  ziping template --prior 去年.xlsx --out 今年.xlsx [--data FILE.json] [--year Y] [--force]
      --prior：按上年的工作簿（或数据文件）生成今年的模板：单位沿用上年，“上年”各栏填入上年的本年数
      （三公经费、上年结转、上年结余，及上年数表：收入合计、支出合计、固定资产合计、实际在职人数，
      综述据此写“比上年增加/减少”），上年的文字作为草稿填入并以“【沿用上年】”开头，修改后删去此标记。
      生成自评表模板（.xlsx）：各表、合计公式、校验表、条件格式；不装插件、在 WPS 中也能自查。
      --data：按数据文件的列表（单位、项目…）排版并填入其数值。
      Write the form as an .xlsx template that checks itself (--data: laid out for a data file's
      lists and filled with its values). Refuses to overwrite unless --force.
  ziping check FILE.xlsx|FILE.json|DIR/ [--json] [--form FORM.json] [--jobs N]
  ziping check --data FILE.json [--json] [--form FORM.json]
  ziping check FILE --with OTHER    两份报告（自评表与部门决算）同一数字是否一致
  ziping check 今年.xlsx --prior 去年.xlsx [--json]
      另核对今年表中的“上年”数是否等于上年报告的本年数，不一致的列出两处单元格。
      按报表规格校验：合计、跨表一致、预算超支、尾差。FILE.xlsx 为填好的 ZiPing 模板（Excel、WPS、
      LibreOffice 保存的均可）；DIR/ 校验文件夹中每个 .xlsx 和 .json，输出一张汇总表（部门、错误、超支、文件）。
      文件夹中每个文件在独立的工作线程中读取（各有内存上限），无法读取的文件在汇总表中占一行，其余照常校验；
      默认按 CPU 核数并行（--jobs N 指定）。
      Check a filled template, a JSON data file, or every workbook in a folder (each file
      isolated in a worker thread; --jobs N workers, default one per core).
      Exit 0 no errors, 1 errors found, 2 unusable input (for a folder: 2 if any file is unusable).
  ziping import EXPORT --into FILE.json|FILE.xlsx [--table NAME] [--unit 元|万元] [--sheet NAME] [--apply] [--json]
      把会计/预算系统导出或粘贴的表格（TSV、CSV 含 GBK、.xlsx、.xls）导入数据文件或填写中的 ZiPing 模板：
      先列出导入计划（每个数写到哪一格、原文、换算、合计核对、未导入的格及原因），加 --apply 才写入。
      导出表上限：20 万行、16,384 列、每格 32,767 字符，文件 64 MB（.xlsx 解压后 256 MB）；超出即拒绝并说明。
      Plan an import of an export into a data file or a filled template; --apply writes it.
      Exit 0 all placed, 1 cells left out or a total differs, 2 unusable input.
  ziping import 去年.xlsx --prior --into 今年.xlsx|今年.json [--apply] [--json]
      把上年的工作簿导入今年的：“上年”各栏（上年的本年数）、沿用的栏目、上年的文字（草稿，以“【沿用上年】”开头）；
      只写今年表中空着的格，已填的不改动。先列出计划，加 --apply 才写入。
  ziping narrate FILE.xlsx|FILE.json [--json] [--wording 选项] [--form FORM.json]
  ziping narrate --data FILE.json [--json] [--wording 选项] [--form FORM.json]
      按表中数字撰写报告综述各段（人员、年初预算、预算执行、基本支出、三公经费、专项资金、一般公共预算
      支出），每句列出所用单元格；缺数的段落不作猜测，列出缺少的栏目。
      Write the report's paragraphs from the cells; --json lists every sentence's id, text and facts.
  ziping narrate FILE.xlsx|FILE.json --verify TEXT.txt [--json]
      叙述核对：核对自己写的段落中的金额、百分比、增减用词与表中数字是否一致；未能对应的列为“未核对”。
      Check a paragraph file against the cells. Exit 0 no errors, 1 errors found, 2 unusable input.
  ziping score FILE.xlsx|FILE.json [--json] [--scoring TABLE.json] [--form FORM.json]
      绩效评分：按部门整体支出绩效评价指标逐项计算（在职人员控制率、“三公经费”变动率、预算调整率、
      资金结余、预算执行率、结转结余率、公用经费控制率…），列出公式、所用单元格、建议得分及所依据的
      评分标准，汇总为建议综合得分上限和等次，与填报的得分、等次对照；核对定量指标的完成率
      （含文字中写的“完成度为…%”）。--scoring：使用 JSON 格式的本省/本市评分表（无需改代码）。
      Score the report by an indicator table. Exit 0 no errors, 1 errors found, 2 unusable input.
  ziping report FILE.xlsx|FILE.json --out 自评报告.docx [--no-findings] [--date 2021年3月10日] [--outline 2020|2025] [--force]
      生成自评报告 Word 文档：封面、按报告提纲的各部分标题、各表（表头、合并单元格、单位行、表中数字）、
      生成的报告综述段落与填报的文字；A4、公文字体、页码；未解决的校验错误列在末页“校验提示”（--no-findings 不列）。
      报告格式：2020（岳阳五部分）或 2025（湖南十部分），默认按“报告正文”表中的“报告格式”，空着为 2020。
      Write the whole self-evaluation report as a .docx.
  ziping docs [--out docs/fields.md] [--form FORM.json]
      生成字段表。Write the field dictionary generated from the spec.
  ziping --help

选项 Options:
  --out FILE.xlsx    template：输出文件
  --year Y           template：评价年度（四位年份）
  --dept NAME        template：部门（单位）名称
  --units A,B,…      template：局机关及二级机构名称，按顺序，每个单位一行
  --force            template：覆盖已存在的文件
  --data FILE.json   数据文件 { form, lists, values }，格式见 README（template：据此排版并填值）
  --json             输出 JSON（findings 含规则 id、单元格、应为/实为/差额）
  --form FORM        报表：内置的 juesuan（财政部部门决算公开表）或 JSON 格式的其他报表规格（无需改代码）
  --jobs N           check DIR/：同时校验的文件数（工作线程数），默认为 CPU 核数
  --into FILE        import：导入到的 .json 数据文件（不存在则新建）或 ZiPing 模板 .xlsx（须已存在）
  --table NAME       import：目标表 id 或表名（默认按表头自动判断）
  --unit 元|万元     import：导出数据的单位（默认按表中“单位：…”或数值量级判断）
  --sheet NAME       import：读取 .xlsx/.xls 的哪个工作表（默认第一个有内容的）
  --apply            import：确认并写入数据文件
  --prior            template/import/check：上年的工作簿或数据文件（见上）
  --no-findings      report：不附“校验提示”页
  --date TEXT        report：封面的报告日期（默认“报告正文”表中的报告日期，空着为今天）
  --outline 格式     report：报告格式 2020（岳阳）或 2025（湖南），优先于表中的“报告格式”
  --verify TEXT.txt  narrate：要核对的段落文本（UTF-8 或 GBK）
  --scoring T.json   score：使用 JSON 格式的评分表（默认：岳阳市部门整体支出绩效评价指标）
  --wording 选项     narrate：precision=shown|full, decrease=降低|下降|减少, increase=增长|增加|上升,
                     selfRef=我部门, shares100（占比按最大余数法合计100%）, rate（加预算执行率），逗号分隔
`;

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const processIo: Io = {
  stdout: (s) => process.stdout.write(s.endsWith("\n") ? s : `${s}\n`),
  stderr: (s) => process.stderr.write(s.endsWith("\n") ? s : `${s}\n`),
};

function extraForms(path: string | undefined): FormSpec[] {
  return path ? [loadForm(path)] : [];
}

function parseJobs(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[1-9]\d{0,2}$/.test(text)) throw new UsageError(`check: --jobs 应为 1–999 的整数，收到“${text}”`);
  return Number(text);
}

async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    io.stdout(HELP);
    return EXIT_OK;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      data: { type: "string" },
      json: { type: "boolean", default: false },
      form: { type: "string" },
      out: { type: "string" },
      year: { type: "string" },
      dept: { type: "string" },
      units: { type: "string" },
      force: { type: "boolean", default: false },
      into: { type: "string" },
      table: { type: "string" },
      unit: { type: "string" },
      sheet: { type: "string" },
      apply: { type: "boolean", default: false },
      verify: { type: "string" },
      jobs: { type: "string" },
      with: { type: "string" },
      wording: { type: "string" },
      scoring: { type: "string" },
      "no-findings": { type: "boolean", default: false },
      date: { type: "string" },
      outline: { type: "string" },
      prior: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  switch (command) {
    case "template": {
      if (!values.out) throw new UsageError("template: 需要 --out FILE.xlsx");
      let loaded = values.data !== undefined ? loadReportData(values.data, extraForms(values.form)) : undefined;
      if (values.prior) {
        if (positionals.length !== 1) throw new UsageError("template --prior: 需要一个上年的工作簿：ziping template --prior 去年.xlsx --out 今年.xlsx");
        const last = await loadSource(positionals[0], extraForms(values.form));
        loaded = { form: last.form, data: priorTemplateData(last.form, last.data, loaded?.data) };
        values.year ??= nextYear(last.data);
      }
      const form = loaded?.form ?? extraForms(values.form)[0] ?? defaultForm;
      io.stdout(
        await templateCommand(form, {
          out: values.out,
          ...(values.year !== undefined ? { year: values.year } : {}),
          ...(values.dept !== undefined ? { dept: values.dept } : {}),
          ...(values.units !== undefined ? { units: parseUnits(values.units) } : {}),
          ...(loaded ? { data: loaded.data } : {}),
          force: values.force ?? false,
        }),
      );
      return EXIT_OK;
    }
    case "check": {
      const prior = values.prior ? positionals[1] : undefined;
      if (values.prior && positionals.length !== 2) throw new UsageError("check --prior: 需要今年与上年两个文件：ziping check 今年.xlsx --prior 去年.xlsx");
      if (positionals.length > (values.prior ? 2 : 1)) throw new UsageError("check: 一次校验一个文件或一个文件夹");
      const file = positionals[0];
      if (file !== undefined && values.data !== undefined) throw new UsageError("check: 文件与 --data 只能给一个");
      if (values.with !== undefined) {
        if (file === undefined) throw new UsageError("check --with: 需要 FILE：ziping check 自评.xlsx --with 决算.xlsx");
        const { output, code } = await checkWith(file, values.with, extraForms(values.form), values.json ?? false);
        io.stdout(output);
        return code;
      }
      if (file !== undefined) {
        const jobs = parseJobs(values.jobs);
        const { output, code } = await checkPath(file, extraForms(values.form), values.json ?? false, jobs === undefined ? {} : { jobs }, prior);
        io.stdout(output);
        return code;
      }
      if (!values.data) throw new UsageError("check: 需要 FILE.xlsx、FILE.json、文件夹 或 --data FILE.json");
      const { form, data } = loadReportData(values.data, extraForms(values.form));
      const { output, code } = checkCommand(form, data, values.data, values.json ?? false);
      io.stdout(output);
      return code;
    }
    case "import": {
      if (positionals.length !== 1) throw new UsageError("import: 需要一个导出文件：ziping import EXPORT --into FILE.json");
      if (!values.into) throw new UsageError("import: 需要 --into FILE.json");
      if (values.prior) {
        const { output, code } = await importPriorCommand({ from: positionals[0], into: values.into, apply: values.apply ?? false, json: values.json ?? false, forms: extraForms(values.form) });
        io.stdout(output);
        return code;
      }
      const { output, code } = await importCommand({
        export: positionals[0],
        into: values.into,
        ...(values.table !== undefined ? { table: values.table } : {}),
        ...(values.unit !== undefined ? { unit: values.unit } : {}),
        ...(values.sheet !== undefined ? { sheet: values.sheet } : {}),
        apply: values.apply ?? false,
        json: values.json ?? false,
        forms: extraForms(values.form),
      });
      io.stdout(output);
      return code;
    }
    case "narrate": {
      if (positionals.length > 1) throw new UsageError("narrate: 一次一个文件");
      const file = positionals[0] ?? values.data;
      if (positionals[0] !== undefined && values.data !== undefined) throw new UsageError("narrate: 文件与 --data 只能给一个");
      if (!file) throw new UsageError("narrate: 需要 FILE.xlsx、FILE.json 或 --data FILE.json");
      const { form, data } = await loadSource(file, extraForms(values.form));
      const { output, code } = narrateCommand(form, data, file, {
        json: values.json ?? false,
        wording: parseWording(values.wording),
        ...(values.verify !== undefined ? { verify: values.verify } : {}),
      });
      io.stdout(output);
      return code;
    }
    case "score": {
      if (positionals.length > 1) throw new UsageError("score: 一次一个文件");
      if (positionals[0] !== undefined && values.data !== undefined) throw new UsageError("score: 文件与 --data 只能给一个");
      const file = positionals[0] ?? values.data;
      if (!file) throw new UsageError("score: 需要 FILE.xlsx、FILE.json 或 --data FILE.json");
      const source = await loadSource(file, extraForms(values.form));
      const table = values.scoring !== undefined ? loadScoringTable(values.scoring, source.form) : defaultScoringTable;
      if (values.scoring === undefined && table.form !== source.form.id) {
        throw new UsageError(`score: 内置评分表适用于报表「${table.form}」，${file} 是「${source.form.id}」；请用 --scoring 指定评分表`);
      }
      const { output, code } = scoreCommand(source.form, source.data, file, table, values.json ?? false, source.locate);
      io.stdout(output);
      return code;
    }
    case "report": {
      if (positionals.length > 1) throw new UsageError("report: 一次一个文件");
      const file = positionals[0] ?? values.data;
      if (!file) throw new UsageError("report: 需要 FILE.xlsx 或 FILE.json：ziping report FILE.xlsx --out 自评报告.docx");
      if (!values.out) throw new UsageError("report: 需要 --out 自评报告.docx");
      const { form, data, locate } = await loadSource(file, extraForms(values.form));
      io.stdout(
        await reportCommand(form, data, {
          out: values.out,
          noFindings: values["no-findings"] ?? false,
          force: values.force ?? false,
          ...(values.date !== undefined ? { date: values.date } : {}),
          ...(values.outline !== undefined ? { outline: values.outline } : {}),
          ...(locate ? { locate } : {}),
        }),
      );
      return EXIT_OK;
    }
    case "docs": {
      const form = extraForms(values.form)[0] ?? defaultForm;
      const md = fieldsMarkdown(form);
      if (values.out) await writeFileAtomically(values.out, md);
      else io.stdout(md);
      return EXIT_OK;
    }
    default:
      throw new UsageError(`未知命令 "${command}"；用 ziping --help 查看用法`);
  }
}

/** Longest refusal line: the file's name and the problem, with room for a quoted value. */
const MESSAGE_CHARS = 2000;

/**
 * Entry point: never lets a stack trace reach the officer; unusable input is one line, exit 2.
 * Whatever a file put into the output, no control character reaches the terminal raw.
 */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const safe: Io = { stdout: (s) => io.stdout(terminalSafe(s)), stderr: (s) => io.stderr(s) };
  try {
    return await run(argv, safe);
  } catch (e) {
    const message = e instanceof UsageError ? e.message : `ziping: ${(e as Error).message}`;
    io.stderr(shown(message, MESSAGE_CHARS));
    return EXIT_UNUSABLE;
  }
}
