import iconv from "iconv-lite";
import {
  DECREASE_WORDS,
  describeMissing,
  INCREASE_WORDS,
  resolveOptions,
  verifyNarrative,
  type NarrativeOptions,
} from "../../core/narrative";
import type { FormSpec, ReportData } from "../../core/spec";
import { EXIT_FINDINGS, EXIT_OK } from "../usage-error";
import { scoredNarrative } from "../scored-narrative";
import { UsageError } from "../usage-error";
import { readLimited } from "../load-data";

/** A report's narrative is a few pages; a paragraph file larger than this is not one. */
const MAX_TEXT_BYTES = 4 * 1024 * 1024;

/**
 * `--wording` as key=value pairs separated by commas:
 * precision=full, decrease=下降, increase=增加, selfRef=我部门, shares100, rate.
 */
export function parseWording(spec: string | undefined): Partial<NarrativeOptions> {
  const out: Partial<NarrativeOptions> = {};
  if (!spec) return out;
  for (const part of spec.split(/[,，]/).map((p) => p.trim()).filter(Boolean)) {
    const [key, value] = part.split("=").map((s) => s.trim());
    switch (key) {
      case "precision":
        if (value !== "shown" && value !== "full") throw new UsageError(`--wording precision 应为 shown 或 full，而不是「${value ?? ""}」`);
        out.precision = value;
        break;
      case "decrease":
        if (!(DECREASE_WORDS as readonly string[]).includes(value ?? "")) throw new UsageError(`--wording decrease 应为 ${DECREASE_WORDS.join("/")} 之一`);
        out.decreaseWord = value as NarrativeOptions["decreaseWord"];
        break;
      case "increase":
        if (!(INCREASE_WORDS as readonly string[]).includes(value ?? "")) throw new UsageError(`--wording increase 应为 ${INCREASE_WORDS.join("/")} 之一`);
        out.increaseWord = value as NarrativeOptions["increaseWord"];
        break;
      case "selfRef":
        if (!value) throw new UsageError("--wording selfRef 需要一个自称，例如 selfRef=我部门");
        out.selfRef = value;
        break;
      case "shares100":
        out.sharesTo100 = true;
        break;
      case "rate":
        out.executionRate = true;
        break;
      default:
        throw new UsageError(`--wording 不认识「${part}」（可用：precision=shown|full, decrease=…, increase=…, selfRef=…, shares100, rate）`);
    }
  }
  return out;
}

/** The officer's paragraph file: UTF-8 (with or without BOM), or GB18030 as Windows Notepad may save it. */
export function readTextFile(path: string): string {
  const bytes = readLimited(path, MAX_TEXT_BYTES, "段落文本");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return iconv.decode(bytes, "gb18030");
  }
}

export interface NarrateRequest {
  json: boolean;
  wording: Partial<NarrativeOptions>;
  /** A paragraph file to check instead of writing the paragraphs. */
  verify?: string;
}

/** The paragraphs (or the 叙述核对 of a text) as text or JSON, and the exit code. */
export function narrateCommand(form: FormSpec, data: ReportData, source: string, request: NarrateRequest): { output: string; code: number } {
  const options = resolveOptions(request.wording);
  if (request.verify !== undefined) return verifyCommand(form, data, source, request.verify, options, request.json);
  const narrative = scoredNarrative(form, data, options);
  if (request.json) {
    return { output: JSON.stringify({ file: source, form: form.id, options, ...narrative }, null, 2), code: EXIT_OK };
  }
  const blocks = narrative.paragraphs.map((p) => {
    if (p.status === "missing") return `【${p.title}】未生成，缺少：${p.missing.map(describeMissing).join("；")}`;
    const notes = p.sentences.flatMap((s) => s.notes ?? []).map((n) => `  注：${n}`);
    const unwritten = p.unwritten.map((u) => `  未生成 ${u.id}，缺少：${u.missing.map(describeMissing).join("；")}`);
    return [`【${p.title}】`, p.text, ...notes, ...unwritten].join("\n");
  });
  const written = narrative.paragraphs.filter((p) => p.status === "ok").length;
  const partial = narrative.paragraphs.filter((p) => p.status === "partial").length;
  blocks.push(`${source}: 生成 ${written}/${narrative.paragraphs.length} 段${partial ? `，${partial} 段部分生成` : ""}（${options.precision === "shown" ? "按表中显示的两位小数计算" : "按完整精度计算"}）`);
  return { output: blocks.join("\n\n"), code: EXIT_OK };
}

const SEVERITY_NAMES = { error: "错误", warning: "警告", info: "提示" } as const;

function verifyCommand(form: FormSpec, data: ReportData, source: string, path: string, options: NarrativeOptions, json: boolean): { output: string; code: number } {
  const text = readTextFile(path);
  const report = verifyNarrative(form, data, text, options);
  const code = report.summary.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
  if (json) return { output: JSON.stringify({ file: source, text: path, form: form.id, ...report }, null, 2), code };
  // A slip of the pen in the text has no cell to name.
  const lines = report.findings.map((f) => [SEVERITY_NAMES[f.severity], f.cell, f.message].filter(Boolean).join("  "));
  if (report.unchecked.length) {
    lines.push("", "未核对（未能对应到表格栏目，未作核对）：");
    for (const u of report.unchecked) lines.push(`  第${u.line}行「${u.quote}」：${u.reason}`);
  }
  const s = report.summary;
  lines.push("", `${path}: 核对 ${s.checked} 处，一致 ${s.agreed} 处，${s.errors} 个错误，${s.notices} 条提示，${s.unchecked} 处未核对`);
  return { output: lines.join("\n"), code };
}
