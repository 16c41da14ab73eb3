import type { EquationRelation, HierarchyRelation, Relation, SameRelation } from "../types";
import { classRowId, econRowId, FUNCTION_CLASSES, PERSONNEL_GROUPS, PUBLIC_GROUPS, type EconGroup } from "./mof-juesuan-codes";

/**
 * The relations of the 财政部 部门决算 public tables, as a careful reader checks them by hand:
 * each table's totals, the same figure across tables, the 结转结余 of each fund type, and the
 * 三公 figures against their 基本支出 lines. Sums carry the 尾差 band of any sum.
 */

const sum = (id: string, label: string, target: string, terms: string[], formula = true): EquationRelation => ({
  kind: "equation",
  id,
  label,
  formula,
  target,
  terms,
});

const same = (id: string, label: string, a: string, b: string): SameRelation => ({ kind: "same", id, label, a, b });

/** 类 = Σ款 = Σ项 by 科目编码, and the table's 合计 row = Σ类. */
const hierarchy = (table: string): HierarchyRelation => ({
  kind: "hierarchy",
  id: `${table}.hierarchy`,
  label: "类 = Σ款，款 = Σ项；合计 = Σ类",
  table,
  row: "line",
  levels: [3, 5, 7],
  total: "all",
});

const CLASS_ROWS = FUNCTION_CLASSES.map((c) => classRowId(c.code));

/** Each 经济分类 款 = Σ its 项 (公开06表). */
const econGroupSums = (groups: EconGroup[]): EquationRelation[] =>
  groups.map((g) =>
    sum(
      `basicDetail.${econRowId(g.code)}`,
      `${g.code} ${g.name} = 各项之和`,
      `basicDetail.${econRowId(g.code)}`,
      g.items.map((i) => `basicDetail.${econRowId(i.code)}`),
    ),
  );

const summaryRelations: Relation[] = [
  sum("income.total", "本年收入合计 = 各项收入之和", "income.total", [
    "income.general",
    "income.fund",
    "income.capital",
    "income.superior",
    "income.business",
    "income.operating",
    "income.affiliated",
    "income.other",
  ]),
  sum("income.grandTotal", "收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余", "income.grandTotal", [
    "income.total",
    "income.useNonFiscalBalance",
    "income.carryIn",
  ]),
  sum("spending.total", "本年支出合计 = 各功能类支出之和", "spending.total", CLASS_ROWS.map((r) => `spending.${r}`)),
  sum("spending.grandTotal", "支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余", "spending.grandTotal", [
    "spending.total",
    "spending.balanceDistribution",
    "spending.carryOut",
  ]),
  same("summary.balanced", "收入总计 = 支出总计", "income.grandTotal", "spending.grandTotal"),
  same("summary.incomeDetail", "本年收入合计 = 收入决算表合计", "income.total", "incomeDetail.all.total"),
  same("summary.expenseDetail", "本年支出合计 = 支出决算表合计", "spending.total", "expenseDetail.all.total"),
  sum("summary.fiscalIncome", "收入决算表财政拨款收入 = 总表三项财政拨款收入之和", "incomeDetail.all.fiscal", ["income.general", "income.fund", "income.capital"], false),
  ...(["superior", "business", "operating", "affiliated", "other"] as const).map((source) =>
    same(`summary.source.${source}`, "总表与收入决算表同一收入一致", `income.${source}`, `incomeDetail.all.${source}`),
  ),
];

const INCOME_SOURCES = ["fiscal", "superior", "business", "operating", "affiliated", "other"];
const EXPENSE_PARTS = ["basic", "project", "toSuperior", "operating", "toAffiliated"];

const detailRelations: Relation[] = [
  {
    ...sum("incomeDetail.row", "本年收入合计 = 各来源收入之和", "incomeDetail.{row}.total", INCOME_SOURCES.map((c) => `incomeDetail.{row}.${c}`)),
    each: { table: "incomeDetail", rows: "*" },
  },
  hierarchy("incomeDetail"),
  {
    ...sum("expenseDetail.row", "本年支出合计 = 基本支出 + 项目支出 + 上缴上级 + 经营支出 + 对附属单位补助", "expenseDetail.{row}.total", EXPENSE_PARTS.map((c) => `expenseDetail.{row}.${c}`)),
    each: { table: "expenseDetail", rows: "*" },
  },
  hierarchy("expenseDetail"),
];

const FUND_TYPES = ["general", "fund", "capital"] as const;
const CARRY_IN = { general: "carryInGeneral", fund: "carryInFund", capital: "carryInCapital" } as const;
const FUND_TABLE = { fund: "govFund", capital: "stateCapital" } as const;

const fiscalRelations: Relation[] = [
  sum("fiscalIncome.total", "本年收入合计 = 三类财政拨款之和", "fiscalIncome.total", FUND_TYPES.map((t) => `fiscalIncome.${t}`)),
  sum("fiscalIncome.carryIn", "年初财政拨款结转和结余 = 三类之和", "fiscalIncome.carryIn", FUND_TYPES.map((t) => `fiscalIncome.${CARRY_IN[t]}`)),
  sum("fiscalIncome.grandTotal", "收入总计 = 本年收入合计 + 年初结转和结余", "fiscalIncome.grandTotal", ["fiscalIncome.total", "fiscalIncome.carryIn"]),
  {
    ...sum("fiscalSpending.row", "合计 = 三类财政拨款之和", "fiscalSpending.{row}.total", FUND_TYPES.map((t) => `fiscalSpending.{row}.${t}`)),
    each: { table: "fiscalSpending", rows: "*" },
  },
  {
    ...sum("fiscalSpending.total", "本年支出合计 = 各功能类支出之和", "fiscalSpending.total.{col}", CLASS_ROWS.map((r) => `fiscalSpending.${r}.{col}`)),
    each: { table: "fiscalSpending", columns: "*" },
  },
  {
    ...sum("fiscalSpending.grandTotal", "支出总计 = 本年支出合计 + 年末结转和结余", "fiscalSpending.grandTotal.{col}", [
      "fiscalSpending.total.{col}",
      "fiscalSpending.carryOut.{col}",
    ]),
    each: { table: "fiscalSpending", columns: "*" },
  },
  same("fiscal.balanced", "财政拨款收入总计 = 支出总计", "fiscalIncome.grandTotal", "fiscalSpending.grandTotal.total"),
  // 年末结转和结余 = 年初 + 本年收入 − 本年支出, for each fund type.
  ...FUND_TYPES.map(
    (t): EquationRelation => ({
      kind: "equation",
      id: `fiscal.carryOut.${t}`,
      label: "年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出",
      target: `fiscalSpending.carryOut.${t}`,
      terms: [`fiscalIncome.${CARRY_IN[t]}`, `fiscalIncome.${t}`, { ref: `fiscalSpending.total.${t}`, sign: -1 }],
    }),
  ),
  ...FUND_TYPES.map((t) => same(`fiscal.summary.${t}`, "总表与财政拨款总表同一财政拨款收入一致", `income.${t}`, `fiscalIncome.${t}`)),
  same("fiscal.general", "一般公共预算财政拨款支出 = 公开05表合计", "fiscalSpending.total.general", "generalSpending.all.total"),
  ...(["fund", "capital"] as const).flatMap((t) => [
    same(`fiscal.${t}.income`, "财政拨款收入 = 本表（公开08/09表）本年收入", `fiscalIncome.${t}`, `${FUND_TABLE[t]}.all.income`),
    same(`fiscal.${t}.spending`, "财政拨款支出 = 本表（公开08/09表）本年支出", `fiscalSpending.total.${t}`, `${FUND_TABLE[t]}.all.spendTotal`),
    same(`fiscal.${t}.carryIn`, "年初结转和结余 = 本表（公开08/09表）年初结转和结余", `fiscalIncome.${CARRY_IN[t]}`, `${FUND_TABLE[t]}.all.carryIn`),
    same(`fiscal.${t}.carryOut`, "年末结转和结余 = 本表（公开08/09表）年末结转和结余", `fiscalSpending.carryOut.${t}`, `${FUND_TABLE[t]}.all.carryOut`),
  ]),
];

const generalRelations: Relation[] = [
  {
    ...sum("generalSpending.row", "合计 = 基本支出 + 项目支出", "generalSpending.{row}.total", ["generalSpending.{row}.basic", "generalSpending.{row}.project"]),
    each: { table: "generalSpending", rows: "*" },
  },
  hierarchy("generalSpending"),
  sum("general.basic", "公开05表基本支出 = 人员经费 + 公用经费（公开06表）", "generalSpending.all.basic", ["basicDetail.personnel", "basicDetail.public"], false),
];

const basicRelations: Relation[] = [
  ...econGroupSums([...PERSONNEL_GROUPS, ...PUBLIC_GROUPS]),
  sum("basicDetail.personnel", "人员经费 = 工资福利支出 + 对个人和家庭的补助", "basicDetail.personnel", PERSONNEL_GROUPS.map((g) => `basicDetail.${econRowId(g.code)}`)),
  sum("basicDetail.public", "公用经费 = 商品和服务支出 + 债务利息 + 资本性支出 + 其他支出", "basicDetail.public", PUBLIC_GROUPS.map((g) => `basicDetail.${econRowId(g.code)}`)),
];

/** A 基本支出 line of 公开06表 is part of its 三公 item (which also counts 项目支出): a ≤ b. */
const SANGONG_LINES: Array<[string, string]> = [
  ["30212", "abroad"],
  ["30217", "reception"],
  ["30231", "vehicleOps"],
  ["31013", "vehiclePurchase"],
];

const sangongRelations: Relation[] = [
  {
    ...sum("sangong.total", "合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费", "sangong.total.{col}", [
      "sangong.abroad.{col}",
      "sangong.vehicle.{col}",
      "sangong.reception.{col}",
    ]),
    each: { table: "sangong", columns: "*" },
  },
  {
    ...sum("sangong.vehicle", "公务用车购置及运行维护费 = 购置费 + 运行维护费", "sangong.vehicle.{col}", ["sangong.vehiclePurchase.{col}", "sangong.vehicleOps.{col}"]),
    each: { table: "sangong", columns: "*" },
  },
  {
    kind: "budget",
    id: "sangong.overspend",
    label: "“三公”经费决算不超预算",
    each: { table: "sangong", rows: "*" },
    budget: "sangong.{row}.budget",
    actual: "sangong.{row}.actual",
  },
  ...SANGONG_LINES.map(
    ([code, row]): Relation => ({
      kind: "inequality",
      id: `sangong.basic.${code}`,
      label: "基本支出中的该项不超过“三公”经费决算数",
      a: `basicDetail.${econRowId(code)}`,
      b: `sangong.${row}.actual`,
    }),
  ),
];

function fundTableRelations(table: string): Relation[] {
  return [
    {
      ...sum(`${table}.spendTotal`, "本年支出小计 = 基本支出 + 项目支出", `${table}.{row}.spendTotal`, [`${table}.{row}.basic`, `${table}.{row}.project`]),
      each: { table, rows: "*" },
    },
    {
      kind: "equation",
      id: `${table}.carryOut`,
      label: "年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出",
      each: { table, rows: "*" },
      target: `${table}.{row}.carryOut`,
      terms: [`${table}.{row}.carryIn`, `${table}.{row}.income`, { ref: `${table}.{row}.spendTotal`, sign: -1 }],
    },
    hierarchy(table),
  ];
}

const priorRelations: Relation[] = [
  sum("prior.basic", "上年基本支出 = 人员经费 + 公用经费", "prior.basic", ["prior.personnel", "prior.public"], false),
];

export const JUESUAN_RELATIONS: Relation[] = [
  ...summaryRelations,
  ...detailRelations,
  ...fiscalRelations,
  ...generalRelations,
  ...basicRelations,
  ...sangongRelations,
  ...fundTableRelations("govFund"),
  ...fundTableRelations("stateCapital"),
  ...priorRelations,
];
