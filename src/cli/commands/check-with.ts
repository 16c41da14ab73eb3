/**
 * `ziping check A --with B`: A checked as usual, then the figures A and B both carry (the
 * 自评 workbook and the 部门决算 it quotes) compared; each disagreement is one finding naming
 * both files' cells. The pairs are spec data (core/spec/cross); the comparison is core's.
 */
import { basename } from "node:path";
import { crossCheck, templateLocator } from "../../core/check";
import { builtInCrossLinks, type FormSpec } from "../../core/spec";
import { loadSource, type ReportSource } from "../source";
import { shown } from "../shown";
import { EXIT_FINDINGS, UsageError } from "../usage-error";
import { checkCommand } from "./check";

function side(source: ReportSource, path: string) {
  return { form: source.form, data: source.data, locate: source.locate ?? templateLocator(source.form, source.data), source: basename(path) };
}

export async function checkWith(path: string, otherPath: string, extraForms: FormSpec[], json: boolean): Promise<{ output: string; code: number }> {
  const first = await loadSource(path, extraForms);
  const second = await loadSource(otherPath, extraForms);
  const cross = crossCheck(side(first, path), side(second, otherPath), builtInCrossLinks);
  if (!cross.link) {
    throw new UsageError(`check --with: ${first.form.title}（${first.form.id}）与 ${second.form.title}（${second.form.id}）之间没有对应的数字可比对`);
  }
  const own = checkCommand(first.form, first.data, path, json, { locate: first.locate, notes: first.notes });
  const code = cross.findings.length ? EXIT_FINDINGS : own.code;
  if (json) {
    const out = { ...(JSON.parse(own.output) as object), with: { file: otherPath, form: second.form.id, link: cross.link.id, compared: cross.compared, skipped: cross.skipped, findings: cross.findings } };
    return { output: JSON.stringify(out, null, 2), code };
  }
  const lines = [
    own.output,
    "",
    `与 ${shown(otherPath)} 比对（${cross.compared} 个数字）：`,
    ...cross.findings.map((f) => `错误  ${shown(f.message, 1000)}`),
    ...cross.skipped.map((s) => `提示  ${shown(s.reason, 1000)}`),
    cross.findings.length ? `${cross.findings.length} 处不一致` : "两表一致",
  ];
  return { output: lines.join("\n"), code };
}
