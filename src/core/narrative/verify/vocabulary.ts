import type { ListEntry } from "../../spec/data";
import type { FormSpec, TableSpec } from "../../spec/types";
import { SANGONG_ITEMS } from "../paragraphs/sangong";

/** Which figure of a row a sentence means: the 预算, the 决算/本年, or last year's. */
export type Role = "budget" | "actual" | "prior";

/**
 * Something a paragraph can state a figure about, found by any of its terms. Terms come from
 * the spec (table, row and column labels and their synonyms) plus the words the reports'
 * sentences use that no table header does (支出预算总额, 在使用公车, 超支项目合计…).
 */
export interface Concept {
  id: string;
  /** How findings name it. */
  name: string;
  terms: string[];
  /** What a plain figure about it is: 万元, a count (人/台/个) or a score (分). */
  measure: "amount" | "count" | "score";
  /**
   * A generic word (实际使用, 结余) that names a concept only when it stands alone; right after
   * another label it is part of that label's phrase ("公务用车运行维护费实际使用0.12万元").
   */
  weak?: boolean;
  /** Cells a plain figure may be, each with the role it plays. */
  values: Array<{ field: string; role: Role }>;
  /** Last year and this year: change on the prior year. */
  pair?: { prior: string; current: string };
  /** 预算 and 决算: overspend and execution rate. */
  budgetPair?: { budget: string; actual: string };
  /** Computed concepts that are not one cell. */
  derived?: "overspendTotal" | "staffGap";
}

/** Header words too generic to name anything on their own. */
const GENERIC = new Set(["合计", "汇总", "总计", "小计", "合 计", "合    计", "预算数", "决算数"]);

function tableOf(form: FormSpec, id: string): TableSpec | undefined {
  for (const sheet of form.sheets) for (const table of sheet.tables) if (table.id === id) return table;
  return undefined;
}

/** A row's or a column's label and synonyms, cleaned for matching in prose. */
function specTerms(form: FormSpec, tableId: string, pick: { row?: string; column?: string }): string[] {
  const table = tableOf(form, tableId);
  if (!table) return [];
  const source = pick.column ? table.columns?.find((c) => c.id === pick.column) : table.rows.find((r) => r.id === pick.row);
  if (!source) return [];
  return [source.label, ...(source.synonyms ?? [])]
    .map((t) => t.replace(/^其中[:：]/, "").replace(/\s+/g, "").trim())
    .filter((t) => t.length >= 2 && !/\d/.test(t) && !GENERIC.has(t));
}

const amount = (id: string, name: string, terms: string[], values: Concept["values"], extra: Partial<Concept> = {}): Concept => ({
  id,
  name,
  terms,
  measure: "amount",
  values,
  ...extra,
});

const count = (id: string, name: string, terms: string[], field: string): Concept => ({
  id,
  name,
  terms,
  measure: "count",
  values: [{ field, role: "actual" }],
});

/** The concepts of the 岳阳 自评表, with the lists' entries (项目, 功能科目) as concepts of their own. */
export function buildVocabulary(form: FormSpec, lists: Record<string, ListEntry[] | undefined>): Concept[] {
  const t = (table: string, pick: { row?: string; column?: string }) => specTerms(form, table, pick);
  const concepts: Concept[] = [];

  for (const item of SANGONG_ITEMS) {
    concepts.push(
      amount(
        `sangong.${item.key}`,
        item.name,
        [item.name, ...t("sangong", { row: item.key }), ...t("sangongByUnit", { column: item.key })],
        [
          { field: item.current, role: "actual" },
          { field: `sangongByUnit.all.${item.key}`, role: "actual" },
          { field: item.prior, role: "prior" },
        ],
        { pair: { prior: item.prior, current: item.current } },
      ),
    );
  }
  concepts.push(
    amount(
      "sangong.total",
      "三公经费",
      ["三公经费", "“三公”经费", "三公经费总额", "“三公经费”", ...t("sangongByUnit", { column: "total" })],
      [
        { field: "sangong.total.current", role: "actual" },
        { field: "sangongByUnit.all.total", role: "actual" },
        { field: "sangong.total.prior", role: "prior" },
      ],
      { pair: { prior: "sangong.total.prior", current: "sangong.total.current" } },
    ),
    count("vehicles.inUse", "在用公车", [...t("vehicles", { row: "inUse" }), "在使用公车", "在用公务用车"], "vehicles.inUse"),
  );

  for (const [key, name] of [
    ["basic", "基本支出"],
    ["project", "项目支出"],
  ] as const) {
    concepts.push(
      amount(
        key,
        name,
        [name],
        [
          { field: `budget.${key}`, role: "budget" },
          { field: `budgetExec.${key}.budget`, role: "budget" },
          { field: `budgetExec.${key}.actual`, role: "actual" },
          { field: `expense.all.${key}`, role: "actual" },
          { field: `func${key === "basic" ? "Basic" : "Project"}.total.amount`, role: "actual" },
        ],
        { budgetPair: { budget: `budgetExec.${key}.budget`, actual: `budgetExec.${key}.actual` } },
      ),
    );
  }

  concepts.push(
    amount("budget.income", "收入预算", [...t("budget", { row: "incomeTotal" }), "收入预算", "部门收入预算", "收入预算总额"], [
      { field: "budget.incomeTotal", role: "budget" },
    ]),
    amount(
      "budget.expense",
      "支出预算",
      [...t("budget", { row: "expenseTotal" }), "支出预算总额", "支出预算", "预算支出", "部门预算支出", "年初预算支出"],
      [
        { field: "budget.expenseTotal", role: "budget" },
        { field: "budgetExec.total.budget", role: "budget" },
      ],
      { budgetPair: { budget: "budgetExec.total.budget", actual: "budgetExec.total.actual" } },
    ),
    amount(
      "fiscal",
      "财政拨款",
      [...t("budget", { row: "fiscal" }), ...t("fiscalIncome", { column: "received" }), ...t("income", { column: "fiscal" })],
      [
        { field: "budget.fiscal", role: "budget" },
        { field: "fiscalIncome.all.received", role: "actual" },
        { field: "income.all.fiscal", role: "actual" },
      ],
    ),
    amount("fiscalIncome.available", "预算可用指标", t("fiscalIncome", { column: "available" }), [{ field: "fiscalIncome.all.available", role: "budget" }]),
    amount("fiscalIncome.yearBalance", "指标结余", t("fiscalIncome", { column: "yearBalance" }), [
      { field: "fiscalIncome.all.yearBalance", role: "actual" },
      { field: "expense.all.cumBalance", role: "actual" },
    ]),
    amount("fiscalIncome.priorBalance", "上年结余", t("fiscalIncome", { column: "priorBalance" }), [{ field: "fiscalIncome.all.priorBalance", role: "prior" }]),
    amount("fiscalIncome.balanceDecrease", "结余减少", t("fiscalIncome", { column: "balanceDecrease" }), [
      { field: "fiscalIncome.all.balanceDecrease", role: "actual" },
    ]),
    amount(
      "balance",
      "结余",
      ["结余", "结余金额"],
      [
        { field: "special.balance", role: "actual" },
        { field: "fiscalIncome.all.yearBalance", role: "actual" },
        { field: "expense.all.cumBalance", role: "actual" },
      ],
      { weak: true },
    ),
    amount("income.total", "收入合计", t("income", { column: "total" }), [{ field: "income.all.total", role: "actual" }]),
    amount("income.carryover", "上年结转", t("income", { column: "carryover" }), [{ field: "income.all.carryover", role: "actual" }]),
    amount(
      "expense.total",
      "支出合计",
      t("expense", { column: "total" }),
      [
        { field: "expense.all.total", role: "actual" },
        { field: "budgetExec.total.actual", role: "actual" },
        { field: "budgetExec.total.budget", role: "budget" },
      ],
      { budgetPair: { budget: "budgetExec.total.budget", actual: "budgetExec.total.actual" } },
    ),
    amount("expense.personnel", "人员支出", t("expense", { column: "personnel" }), [{ field: "expense.all.personnel", role: "actual" }]),
    amount("expense.public", "公用支出", t("expense", { column: "public" }), [{ field: "expense.all.public", role: "actual" }]),
    amount("expense.cumBalance", "累计结余", t("expense", { column: "cumBalance" }), [{ field: "expense.all.cumBalance", role: "actual" }]),
    amount("special.budget", "本年预算投入", [...t("special", { row: "budget" }), "预算投入"], [{ field: "special.budget", role: "budget" }]),
    amount("special.actual", "实际投入", t("special", { row: "actual" }), [{ field: "special.actual", role: "actual" }], { weak: true }),
    amount("special.added", "本年追加专项", [...t("special", { row: "added" }), "追加专项", "追加专项资金"], [{ field: "special.added", role: "actual" }]),
    amount("special.used", "实际使用", t("special", { row: "used" }), [{ field: "special.used", role: "actual" }], { weak: true }),
  );

  for (const row of ["salary", "goods", "households", "enterprises"]) {
    const terms = t("econ", { row });
    concepts.push(
      amount(`econ.${row}`, terms[0] ?? row, terms, [
        { field: `econ.${row}.actual`, role: "actual" },
        { field: `econ.${row}.budget`, role: "budget" },
      ], { budgetPair: { budget: `econ.${row}.budget`, actual: `econ.${row}.actual` } }),
    );
  }
  concepts.push(
    { id: "econ.overspendTotal", name: "超支项目合计", terms: ["超支项目合计", "超支合计"], measure: "amount", values: [], derived: "overspendTotal" },
    { id: "staff.gap", name: "实际人数与编制人数之差", terms: ["实际人数比编制人数", "实有人数比编制人数", "在职人数比编制人数", "实际在职人数比编制人数"], measure: "count", values: [], derived: "staffGap" },
    count("staff.authorized", "人员编制", t("staff", { row: "authorized" }), "staff.authorized"),
    count("staff.authorizedAdmin", "行政编制", t("staff", { row: "authorizedAdmin" }), "staff.authorizedAdmin"),
    count("staff.authorizedLogistics", "机关后勤服务事业编制", t("staff", { row: "authorizedLogistics" }), "staff.authorizedLogistics"),
    count("staff.authorizedPublic", "事业编制", t("staff", { row: "authorizedPublic" }), "staff.authorizedPublic"),
    count("staff.actual", "实有人数", t("staff", { row: "actual" }), "staff.actual"),
    count("staff.inService", "实际在职人数", [...t("staff", { row: "inService" }), "实际在职人员", "在职人员"], "staff.inService"),
    count("staff.inServiceHQ", "局本级实际在职", [...t("staff", { row: "inServiceHQ" }), "局本级实际在职人员"], "staff.inServiceHQ"),
    count("staff.retired", "实际离退休人数", [...t("staff", { row: "retired" }), "实际离退休人员", "离退休人员"], "staff.retired"),
    count("basics.internalDivisions", "内设机构", [...t("basics", { row: "internalDivisions" }), "内设科室"], "basics.internalDivisions"),
    count("basics.affiliatedUnits", "下设直属单位", t("basics", { row: "affiliatedUnits" }), "basics.affiliatedUnits"),
    { id: "score", name: "综合得分", terms: [...t("score", { row: "score" }), "综合得分", "评价得分", "自评得分"], measure: "score", values: [{ field: "score.score", role: "actual" }] },
  );

  // The lists' entries by name: 项目, 功能科目, 其他经济分类.
  const listed: Array<[string, string, (n: number) => Partial<Concept>]> = [
    ["projectItems", "projectItems.item", () => ({})],
    ["funcBasic", "funcBasic.item", () => ({})],
    ["funcProject", "funcProject.item", () => ({})],
    ["econOther", "econ.other", (n) => ({ budgetPair: { budget: `econ.other[${n}].budget`, actual: `econ.other[${n}].actual` } })],
  ];
  for (const [listId, prefix, extra] of listed) {
    (lists[listId] ?? []).forEach((entry, i) => {
      const n = i + 1;
      const name = entry.name.trim();
      if (name.length < 2) return;
      const values: Concept["values"] =
        listId === "econOther"
          ? [
              { field: `${prefix}[${n}].actual`, role: "actual" },
              { field: `${prefix}[${n}].budget`, role: "budget" },
            ]
          : [{ field: `${prefix}[${n}].amount`, role: listId === "projectItems" ? "budget" : "actual" }];
      concepts.push(amount(`${listId}[${n}]`, name, [name], values, extra(n)));
    });
  }
  return concepts.map((c) => ({ ...c, terms: [...new Set(c.terms)] }));
}
