import { existsSync } from "node:fs";
import { basename } from "node:path";
import { applyPlan, isBlank, planImport, type ImportPlan, type SourceUnit } from "../../core/importer";
import { Dec } from "../../core/money";
import { defaultForm, type FormSpec, type RawValue, type ReportData } from "../../core/spec";
import { writeFileAtomically } from "../atomic-write";
import { loadReportData } from "../load-data";
import { readExport } from "../read-export";
import { importIntoWorkbook } from "./import-workbook";
import { shown } from "../shown";
import { EXIT_FINDINGS, EXIT_OK, UsageError } from "../usage-error";

export interface ImportArgs {
  export: string;
  into: string;
  table?: string;
  unit?: string;
  sheet?: string;
  apply: boolean;
  json: boolean;
  forms: FormSpec[];
}

/** Sections of the printed plan longer than this are cut (the JSON output always has everything). */
const SHOWN_PER_SECTION = 200;

export function parseUnit(unit: string | undefined): SourceUnit | undefined {
  if (unit === undefined) return undefined;
  if (unit === "元" || unit === "万元") return unit;
  throw new UsageError(`import: --unit 只能是 元 或 万元，收到“${unit}”`);
}

/**
 * `ziping import EXPORT --into FILE.json`: reads the export, prints the plan (where each value
 * goes, what is compared, what is left out and why) and, only with --apply, writes the data file.
 * Exit 0: everything placed and every total agrees; 1: some cells not imported or a total
 * differs; 2: unusable input (no table recognised, unreadable file, bad option).
 */
export async function importCommand(args: ImportArgs): Promise<{ output: string; code: number }> {
  if (/\.xlsx$/i.test(args.into)) return importIntoWorkbook(args);
  if (!/\.json$/i.test(args.into)) throw new UsageError(`import: --into 应为 .json 数据文件，收到“${args.into}”`);
  const unit = parseUnit(args.unit);
  const { form, data } = existsSync(args.into)
    ? loadReportData(args.into, args.forms)
    : { form: args.forms[0] ?? defaultForm, data: undefined };
  const reference: ReportData = data ?? { form: form.id, lists: {}, values: {} };
  const { plan, source } = await planExport(args, form, reference, unit);
  let applied = false;
  if (args.apply && plan.table) {
    const after = applyPlan(reference, plan);
    await writeFileAtomically(args.into, `${JSON.stringify(after, null, 2)}\n`);
    applied = true;
  }
  const clean = plan.rejects.length === 0 && !plan.totals.some((t) => t.status === "differs") && !plan.findings.some((f) => f.severity === "error");
  const code = clean ? EXIT_OK : EXIT_FINDINGS;
  const output = args.json
    ? JSON.stringify({ export: args.export, into: args.into, source, applied, plan }, null, 2)
    : printPlan(plan, args, source, applied);
  return { output, code };
}

/**
 * Reads the export and plans it against `reference`. An export no table is recognised in (empty,
 * random bytes, a table of some other form) is unusable: one line naming the file and why.
 */
export async function planExport(args: ImportArgs, form: FormSpec, reference: ReportData, unit: SourceUnit | undefined): Promise<{ plan: ImportPlan & { table: NonNullable<ImportPlan["table"]> }; source: string }> {
  const content = await readExport(args.export, { sheet: args.sheet });
  let plan: ImportPlan;
  try {
    plan = planImport(content.grid, {
      form,
      reference,
      ...(args.table !== undefined ? { table: args.table } : {}),
      ...(unit ? { unit } : {}),
    });
  } catch (e) {
    throw new UsageError(`import: ${(e as Error).message}`);
  }
  if (!plan.table) {
    const why = plan.findings.find((f) => f.severity === "error")?.message ?? "没有可导入的表格";
    const empty = content.grid.rows.every((row) => row.every(isBlank));
    throw new UsageError(`${args.export}: 无法导入：${empty ? "文件中没有数据" : why}`);
  }
  const source = content.kind === "text" ? `${content.encoding.encoding}（${content.encoding.reason}）` : `${content.format} 工作表“${content.sheet}”`;
  return { plan: plan as ImportPlan & { table: NonNullable<ImportPlan["table"]> }, source };
}

/** A 万元 figure with at least 2 decimals, as the report prints it (more when the import is finer). */
function wan(text: string): string {
  const d = new Dec(text);
  return shown(d.decimalPlaces() < 2 ? d.toFixed(2) : d.toFixed());
}

function valueText(value: RawValue | undefined): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "object") return String(value.value);
  return String(value);
}

/** A cell's text as the export has it, on one line, controls escaped and a long text cut. */
function quote(text: string): string {
  return `“${shown(text.replace(/\r?\n/g, "⏎").trim())}”`;
}

function section<T>(title: string, items: T[], line: (item: T) => string): string[] {
  if (!items.length) return [];
  const out = [title, ...items.slice(0, SHOWN_PER_SECTION).map((i) => `  ${line(i)}`)];
  if (items.length > SHOWN_PER_SECTION) out.push(`  …… 另有 ${items.length - SHOWN_PER_SECTION} 项（--json 输出全部）`);
  return out;
}

const STATUS_TEXT = { agrees: "一致", tail: "尾差", differs: "不一致", unchecked: "未核对" } as const;
const SEVERITY_TEXT = { error: "错误", warning: "注意", info: "提示" } as const;

/** The plan as an officer reads it in a terminal. */
export function printPlan(plan: ImportPlan, args: Pick<ImportArgs, "export" | "into" | "apply">, source: string, applied: boolean): string {
  const out: string[] = [`导入计划：${shown(args.export)} → ${shown(args.into)}`, `读取：${source}，分隔方式 ${plan.delimiter === "\t" ? "制表符" : plan.delimiter}`];
  if (plan.table) out.push(`表：${plan.table.title}（${plan.table.id}）— ${plan.table.how === "given" ? "按指定" : "自动判断"}：${plan.table.reason}`);
  if (plan.unit) {
    const how = { stated: "表中注明", inferred: "推断", given: "按指定" }[plan.unit.how];
    out.push(`单位：${plan.unit.value}（${how}：${plan.unit.reason}）${plan.unit.value === "元" ? "，写入时精确换算为万元" : ""}`);
  }
  out.push(
    ...section("栏目对应：", plan.columns, (c) => {
      const header = c.header ? quote(c.header) : "（无表头）";
      // A record table's one value column is taken as it is: no name was matched.
      const how = c.how === undefined ? "" : `（${c.how === "exact" ? "名称相同" : c.how === "synonym" ? `同义词` : `近似 ${c.score?.toFixed(2)}`}）`;
      if (c.role === "value") return `第${c.column}列 ${header} → ${c.columnLabel}${how}`;
      if (c.role === "unmapped") return `第${c.column}列 ${header} → 不导入：${c.reason}`;
      return `第${c.column}列 ${header} → ${{ label: "行名", code: "科目编码", sequence: "序号" }[c.role]}`;
    }),
  );
  out.push(
    ...section(`写入 ${plan.writes.length} 格：`, plan.writes, (w) => {
      const amount = w.asText ? `文字 ${quote(valueText(w.value))}` : w.conversion === "none" ? shown(String(w.converted)) : `${shown(String(w.parsed))} 元 → ${wan(w.converted!)} 万元`;
      const over = w.existing !== undefined ? `（覆盖原值 ${shown(valueText(w.existing))}）` : "";
      return `${w.cell}  第${w.line}行第${w.column}列 ${quote(w.text)} → ${amount}  ${shown(w.label)}${over}`;
    }),
  );
  out.push(
    ...section(`合计核对 ${plan.totals.length} 处（不写入：模板中为公式，或为导出表的小计行）：`, plan.totals, (t) => {
      const where = t.cell ?? `第${t.line}行`;
      const expected = t.expected !== undefined ? `，${t.kind === "template" ? "模板合计" : "其下各行合计"} ${wan(t.expected)}` : "";
      const note = t.status === "agrees" ? "" : t.message ? `：${shown(t.message, 1000)}` : "";
      return `${where}  ${quote(t.text)} = ${wan(t.exported)} 万元${expected} — ${STATUS_TEXT[t.status]}${note}`;
    }),
  );
  if (plan.details.length) out.push(`明细行 ${plan.details.length} 格：已计入其上级行，不重复导入`);
  out.push(...section(`新增列表项 ${plan.listAdds.length} 个：`, plan.listAdds, (a) => `${a.list} 第${a.index}项 ${quote([a.entry.code, a.entry.name].filter(Boolean).join(" "))}（第${a.line}行）`));
  out.push(...section(`未导入 ${plan.rejects.length} 格：`, plan.rejects, (r) => `第${r.line}行第${r.column}列 ${quote(r.text)}：${shown(r.reason, 1000)}`));
  out.push(...section("发现：", plan.findings, (f) => `${SEVERITY_TEXT[f.severity]}  ${shown(f.message, 1000)}`));
  const overwrites = plan.writes.filter((w) => w.existing !== undefined).length;
  out.push(
    "",
    `共写入 ${plan.writes.length} 格${overwrites ? `（其中覆盖原有数值 ${overwrites} 格）` : ""}，核对合计 ${plan.totals.length} 处，新增列表项 ${plan.listAdds.length} 个，未导入 ${plan.rejects.length} 格。` +
      (applied ? `已写入 ${args.into}。` : plan.table ? `尚未写入：确认无误后加 --apply 写入 ${basename(args.into)}。` : "无法导入。"),
  );
  return out.join("\n");
}
