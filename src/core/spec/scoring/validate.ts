import { tableById } from "../rules";
import { parseAmount, type Dec } from "../../money";
import { expandFields, isNumericKind, type FieldDef, type Lists } from "../instances";
import type { FormSpec } from "../types";

/** One problem of a scoring table, at its JSON path: `indicators[3].rule.per`. */
export interface ScoringProblem {
  path: string;
  message: string;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Checks a scoring table that arrives as data (a JSON file) against the form whose cells it
 * reads, before anything is scored with it: every path that is wrong is named with what is wrong,
 * in Chinese, so the officer or the 财政局 who wrote the file can fix it without reading code.
 */
export function validateScoringTable(table: unknown, form: FormSpec): ScoringProblem[] {
  const problems: ScoringProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  if (!isObject(table)) return [{ path: "$", message: "评分表应为对象 { id, title, source, form, total, groups, indicators, grades }" }];

  const text = (obj: Json, key: string, path: string): string | undefined => {
    const v = obj[key];
    if (typeof v === "string" && v.trim() !== "") return v;
    problem(`${path}${path ? "." : ""}${key}`, v === undefined ? "缺少此项" : "应为非空文字");
    return undefined;
  };
  /** A number written as text ("5", "0.5"), or a percentage where allowed ("100%"). */
  const figure = (obj: Json, key: string, path: string, allowPercent: boolean): Dec | undefined => {
    const at = `${path}.${key}`;
    const v = obj[key];
    if (typeof v !== "string") {
      problem(at, v === undefined ? "缺少此项" : `应写成文字形式的数，例如 "5"${allowPercent ? ' 或 "100%"' : ""}`);
      return undefined;
    }
    const parsed = parseAmount(v);
    if (parsed.kind !== "amount" || (parsed.unitHint && (parsed.unitHint !== "%" || !allowPercent))) {
      problem(at, `「${v}」不是${allowPercent ? "数值或百分比" : "数值"}`);
      return undefined;
    }
    return parsed.value;
  };

  text(table, "id", "");
  text(table, "title", "");
  text(table, "source", "");
  const formId = text(table, "form", "");
  if (formId !== undefined && formId !== form.id) problem("form", `评分表适用于报表「${formId}」，当前报表为「${form.id}」`);
  const total = figure(table, "total", "$", false);

  const sample: Lists = Object.fromEntries(form.lists.map((l) => [l.id, [{ name: "甲" }, { name: "乙" }]]));
  const fields = new Map<string, FieldDef>(expandFields(form, sample).map((f) => [f.id, f]));
  const numericField = (ref: unknown, path: string) => {
    if (typeof ref !== "string") return problem(path, "应为字段 id（文字）");
    const field = fields.get(ref);
    if (!field) return problem(path, `报表中没有字段「${ref}」（见 docs/fields.md）`);
    if (!isNumericKind(field.kind)) problem(path, `字段「${ref}」（${field.label}）是文字栏，不能参与计算`);
  };
  const terms = (obj: Json, key: string, path: string) => {
    const list = obj[key];
    if (!Array.isArray(list) || list.length === 0) return problem(`${path}.${key}`, "应为非空数组（字段 id，或 { ref, sign }）");
    list.forEach((t, i) => {
      const at = `${path}.${key}[${i}]`;
      if (isObject(t)) {
        if (t.sign !== 1 && t.sign !== -1) problem(`${at}.sign`, "应为 1 或 -1");
        numericField(t.ref, `${at}.ref`);
      } else numericField(t, at);
    });
  };

  const groups = Array.isArray(table.groups) ? table.groups : (problem("groups", "应为数组"), []);
  const groupPoints: Array<{ level1: string; level2?: string; points: Dec; path: string }> = [];
  groups.forEach((g, i) => {
    const path = `groups[${i}]`;
    if (!isObject(g)) return problem(path, "应为对象 { level1, level2?, points }");
    const level1 = text(g, "level1", path);
    const points = figure(g, "points", path, false);
    if (level1 && points) groupPoints.push({ level1, ...(typeof g.level2 === "string" ? { level2: g.level2 } : {}), points, path });
  });

  const indicators = Array.isArray(table.indicators) ? table.indicators : (problem("indicators", "应为数组"), []);
  const seen = new Map<string, number>();
  const scored: Array<{ level1: string; level2: string; points: Dec }> = [];
  indicators.forEach((ind, i) => {
    const path = `indicators[${i}]`;
    if (!isObject(ind)) return problem(path, "应为对象 { id, level1, level2, name, points, standard, computed?, rule? }");
    const id = text(ind, "id", path);
    if (id !== undefined) {
      if (seen.has(id)) problem(`${path}.id`, `与 indicators[${seen.get(id)}] 的 id「${id}」重复`);
      else seen.set(id, i);
    }
    const level1 = text(ind, "level1", path);
    const level2 = text(ind, "level2", path);
    text(ind, "name", path);
    text(ind, "standard", path);
    const points = figure(ind, "points", path, false);
    if (points?.isNegative()) problem(`${path}.points`, "分值不能为负");
    if (level1 && level2 && points && points.gt(0)) scored.push({ level1, level2, points });
    if (ind.computed !== undefined) validateComputed(ind.computed, `${path}.computed`);
    if (ind.rule !== undefined) {
      if (ind.computed === undefined) problem(`${path}.rule`, "有评分规则但没有计算公式（computed），无法据此评分");
      validateRule(ind.rule, `${path}.rule`, points);
    }
  });

  function validateComputed(c: unknown, path: string) {
    if (!isObject(c)) return problem(path, "应为对象 { formula, computation, decimals }");
    text(c, "formula", path);
    if (typeof c.decimals !== "number" || !Number.isInteger(c.decimals) || c.decimals < 0 || c.decimals > 6) {
      problem(`${path}.decimals`, "应为 0 到 6 的整数（百分比保留的小数位）");
    }
    const comp = c.computation;
    const at = `${path}.computation`;
    if (!isObject(comp)) return problem(at, "应为对象 { kind: ratio | change, … }");
    if (comp.kind === "ratio") {
      terms(comp, "numerator", at);
      terms(comp, "denominator", at);
      text(comp, "numeratorLabel", at);
      text(comp, "denominatorLabel", at);
    } else if (comp.kind === "change") {
      terms(comp, "current", at);
      terms(comp, "prior", at);
      text(comp, "currentLabel", at);
      text(comp, "priorLabel", at);
    } else problem(`${at}.kind`, `应为 ratio（比率）或 change（变动率），而不是「${String(comp.kind)}」`);
  }

  function validateRule(rule: unknown, path: string, points: Dec | undefined) {
    if (!isObject(rule)) return problem(path, "应为对象 { kind: ceiling | floor | bands, … }");
    if (rule.kind === "ceiling" || rule.kind === "floor") {
      figure(rule, rule.kind === "ceiling" ? "limit" : "target", path, true);
      figure(rule, "per", path, false);
      const step = figure(rule, "step", path, true);
      if (step && !step.gt(0)) problem(`${path}.step`, "每档的幅度应大于0");
      if (rule.count !== "whole" && rule.count !== "proportional") problem(`${path}.count`, "应为 whole（按整档扣分）或 proportional（按比例扣分）");
      return;
    }
    if (rule.kind !== "bands") return problem(`${path}.kind`, `应为 ceiling、floor 或 bands，而不是「${String(rule.kind)}」`);
    if (rule.compare !== "upTo" && rule.compare !== "atLeast") problem(`${path}.compare`, "应为 upTo（不超过）或 atLeast（不低于）");
    const bands = rule.bands;
    if (!Array.isArray(bands) || bands.length === 0) return problem(`${path}.bands`, "应为非空数组 [{ bound?, points }]");
    let previous: Dec | undefined;
    bands.forEach((b, i) => {
      const at = `${path}.bands[${i}]`;
      if (!isObject(b)) return problem(at, "应为对象 { bound?, points }");
      const bandPoints = figure(b, "points", at, false);
      if (bandPoints && points && bandPoints.gt(points)) problem(`${at}.points`, `档内得分 ${bandPoints.toString()} 超过指标分值 ${points.toString()}`);
      const last = i === bands.length - 1;
      if (b.bound === undefined) {
        if (!last) problem(at, "只有最后一档可以不写 bound");
        return;
      }
      if (last) problem(at, "最后一档不应写 bound：它接住其余所有取值");
      const bound = figure(b, "bound", at, true);
      if (bound && previous && (rule.compare === "upTo" ? !bound.gt(previous) : !bound.lt(previous))) {
        problem(`${at}.bound`, rule.compare === "upTo" ? "upTo 各档的 bound 应从小到大" : "atLeast 各档的 bound 应从大到小");
      }
      if (bound) previous = bound;
    });
  }

  // 分值 add up: each group's indicators to the group, the 一级 groups to the total.
  for (const g of groupPoints) {
    const members = scored.filter((s) => s.level1 === g.level1 && (g.level2 === undefined || s.level2 === g.level2));
    const sum = members.reduce((t, s) => t.plus(s.points), g.points.minus(g.points));
    if (!sum.eq(g.points)) problem(`${g.path}.points`, `${g.level1}${g.level2 ? `·${g.level2}` : ""} 分值为 ${g.points.toString()}，其下指标分值合计 ${sum.toString()}`);
  }
  const level1Groups = groupPoints.filter((g) => g.level2 === undefined);
  for (const s of scored) {
    if (!level1Groups.some((g) => g.level1 === s.level1)) {
      const i = indicators.findIndex((ind) => isObject(ind) && ind.level1 === s.level1);
      problem(`indicators[${i}].level1`, `一级指标「${s.level1}」不在 groups 中`);
    }
  }
  if (total && level1Groups.length) {
    const sum = level1Groups.reduce((t, g) => t.plus(g.points), total.minus(total));
    if (!sum.eq(total)) problem("total", `总分为 ${total.toString()}，各一级指标分值合计 ${sum.toString()}`);
  }

  const grades = table.grades;
  if (!Array.isArray(grades) || grades.length === 0) problem("grades", "应为非空数组 [{ grade, min }]");
  else {
    const mins: Dec[] = [];
    grades.forEach((g, i) => {
      if (!isObject(g)) return problem(`grades[${i}]`, "应为对象 { grade, min }");
      text(g, "grade", `grades[${i}]`);
      const min = figure(g, "min", `grades[${i}]`, false);
      if (min) mins.push(min);
    });
    if (mins.length === grades.length && !mins.some((m) => m.lte(0))) problem("grades", "没有从0分起的等次：低分将没有等次");
  }

  if (table.entered !== undefined) {
    if (!isObject(table.entered)) problem("entered", "应为对象 { score, grade }");
    else {
      numericField(table.entered.score, "entered.score");
      if (typeof table.entered.grade !== "string" || !fields.has(table.entered.grade)) problem("entered.grade", "应为报表中评价等次的字段 id");
    }
  }
  if (table.enteredScores !== undefined) {
    const e = table.enteredScores;
    if (!isObject(e) || typeof e.table !== "string" || typeof e.column !== "string") {
      problem("enteredScores", "应为对象 { table, column, total? }");
    } else {
      indicators.forEach((ind, i) => {
        if (!isObject(ind) || typeof ind.id !== "string" || ind.points === "0") return;
        const id = `${e.table}.${ind.id}.${e.column}`;
        if (!fields.has(id)) problem(`indicators[${i}].id`, `报表中没有此指标的自评得分栏「${id}」（enteredScores）`);
      });
    }
  }
  if (table.quantitative !== undefined) validateQuantitative(table.quantitative);

  function validateQuantitative(q: unknown) {
    if (!isObject(q)) return problem("quantitative", "应为对象 { table, row, target, actual, decimals, … }");
    const tableSpec = typeof q.table === "string" ? tableById(form, q.table) : undefined;
    if (!tableSpec) return problem("quantitative.table", `报表中没有表「${String(q.table)}」`);
    const row = tableSpec.rows.find((r) => r.id === q.row);
    if (!row?.list) return problem("quantitative.row", `表「${tableSpec.id}」中没有按列表逐行填写的行「${String(q.row)}」`);
    const columns = new Set((tableSpec.columns ?? []).map((c) => c.id));
    for (const key of ["target", "actual", "rate", "unit", "reason"]) {
      const v = q[key];
      if (v === undefined && (key !== "target" && key !== "actual")) continue;
      if (typeof v !== "string" || !columns.has(v)) problem(`quantitative.${key}`, `表「${tableSpec.id}」中没有列「${String(v)}」`);
    }
    if (typeof q.decimals !== "number" || !Number.isInteger(q.decimals) || q.decimals < 0 || q.decimals > 6) {
      problem("quantitative.decimals", "应为 0 到 6 的整数");
    }
    if (q.statements !== undefined) {
      if (!Array.isArray(q.statements)) return problem("quantitative.statements", "应为字段 id 数组");
      q.statements.forEach((ref, i) => {
        const id = typeof ref === "string" ? ref.replace("[*]", "[1]") : undefined;
        if (!id || !fields.has(id)) problem(`quantitative.statements[${i}]`, `报表中没有字段「${String(ref)}」`);
      });
    }
  }
  return problems;
}
