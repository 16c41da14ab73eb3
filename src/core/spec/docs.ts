import { expandRules, ruleFields } from "./rules";
import { expandFields, type Lists } from "./instances";
import { bindingRefs } from "./bindings";
import type { FormSpec, SentenceKind, ValueKind } from "./types";

const KIND_NAMES: Record<ValueKind, string> = {
  amount: "金额",
  count: "整数",
  score: "得分",
  percent: "百分比",
  text: "文字",
  amountOrNone: "金额或“无”",
};

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

/**
 * docs/fields.md: every field id of the form with its label, unit and table, and the rules
 * that read it. Generated from the spec (`npm run docs`); a test fails when the file is stale.
 * List rows are shown once, as `[n]`.
 */
export function fieldsMarkdown(form: FormSpec): string {
  const oneEach: Lists = Object.fromEntries(form.lists.map((l) => [l.id, [{ name: `（${l.label}）` }]]));
  const generic = (id: string) => id.replace(/\[1\]/g, "[n]");
  const rulesByField = new Map<string, Set<string>>();
  for (const rule of expandRules(form, oneEach)) {
    for (const id of ruleFields(rule)) {
      const set = rulesByField.get(generic(id)) ?? new Set<string>();
      set.add(rule.relation.id);
      rulesByField.set(generic(id), set);
    }
  }
  const lines = [
    `# ${form.title}：字段表 (field dictionary)`,
    "",
    `Generated from the spec \`${form.id}\` (version ${form.version}) by \`npm run docs\`. Do not edit by hand.`,
    "",
    "列表行（机构、科目等）写作 `[n]`，n 从 1 开始。List rows are written `[n]`, counting from 1.",
    "",
  ];
  let sheet = "";
  let table = "";
  for (const field of expandFields(form, oneEach)) {
    const startsSection = field.sheet.name !== sheet || field.table.id !== table;
    if (startsSection && lines[lines.length - 1] !== "") lines.push("");
    if (field.sheet.name !== sheet) {
      sheet = field.sheet.name;
      lines.push(`## ${sheet}`, "");
    }
    if (field.table.id !== table) {
      table = field.table.id;
      const list = field.table.rows.filter((r) => r.list).map((r) => `\`${r.list}\``);
      lines.push(
        `### ${field.table.title} (\`${table}\`)`,
        "",
        ...(list.length ? [`开放列表 open list: ${list.join(", ")}`, ""] : []),
        ...(field.table.emptyAllowed ? ["空格表示无此项，不提示未填写；整表可为“本表无数据”。A blank means nothing to report.", ""] : []),
        "| field id | 项目 | 栏目 | 类型 | 单位 | 校验规则 |",
        "| --- | --- | --- | --- | --- | --- |",
      );
    }
    const numbered = (label: string, what: string, no?: string) => (no ? `${label}（${what}${no}）` : label);
    const rowLabel = field.row.spec.list ? `${field.row.spec.label}[n]` : numbered(field.row.label, "行次", field.row.spec.lineNo);
    const columnLabel = field.column ? numbered(field.column.label, "栏次", field.column.colNo) : "";
    const rules = [...(rulesByField.get(generic(field.id)) ?? [])].map((r) => `\`${r}\``).join(" ");
    lines.push(
      `| \`${generic(field.id)}\` | ${cell(rowLabel)} | ${cell(columnLabel)} | ${KIND_NAMES[field.kind]} | ${field.unit} | ${rules} |`,
    );
  }
  lines.push(...narrativeMarkdown(form));
  return lines.join("\n").concat("\n");
}

const KIND_DESCRIPTIONS: Record<SentenceKind, string> = {
  text: "陈述与差额",
  changes: "与上年比较",
  shares: "占比",
  rate: "预算执行率",
  quotient: "人均 / 每台",
  overspend: "超支",
  overspendTotal: "超支合计",
  underspendTotal: "结余合计",
  breakdown: "明细列举",
};

/** The report's paragraphs: each sentence, its kind and the fields it reads (list rows as [n]). */
function narrativeMarkdown(form: FormSpec): string[] {
  if (!form.narrative?.length) return [];
  const lines = ["", "## 报告综述的段落与句子 (narrative bindings)", "", "每句读取的字段；列表行写作 `[n]`；`=名称` 为评分表计算的指标（由 ziping narrate 提供）。Each sentence and the fields it reads; `=name` is a figure the scoring table computes.", ""];
  for (const paragraph of form.narrative) {
    lines.push(`### ${paragraph.title} (\`${paragraph.id}\`)`, "", "| sentence id | 类型 | 字段 fields |", "| --- | --- | --- |");
    for (const group of [...paragraph.sentences, ...(paragraph.noData?.sentences ?? [])]) {
      for (const binding of group.clauses) {
        const fields = new Set<string>();
        for (const r of bindingRefs(binding)) {
          if (r.kind === "field") fields.add(r.ref.split("[*]").join("[n]"));
          if (r.kind === "rows" && "rows" in binding) {
            const { table, rows, budget, actual } = binding.rows;
            const spec = form.sheets.flatMap((sh) => sh.tables).find((t) => t.id === table);
            for (const row of rows) {
              const listed = spec?.rows.find((x) => x.id === row)?.list ? `${row}[n]` : row;
              for (const column of [budget, actual]) fields.add(`${table}.${listed}.${column}`);
            }
          }
        }
        // Figures the caller gives ({=staffControl.value}: the scoring table's indicators).
        for (const [, name] of JSON.stringify(binding).matchAll(/\{=([^{}]+)\}/g)) fields.add(`=${name}`);
        const id = binding.kind === "changes" ? `${binding.id}.*` : binding.id;
        lines.push(`| \`${id}\` | ${KIND_DESCRIPTIONS[binding.kind]} | ${[...fields].map((f) => `\`${f}\``).join(" ")} |`);
      }
    }
    lines.push("");
  }
  return lines;
}
