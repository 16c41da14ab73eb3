/** Office.js errors and layout faults as plain Chinese for the pane. Decisions use error codes only. */
import type { LayoutProblem } from "./index";

export function errorCode(e: unknown): string | undefined {
  return typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : undefined;
}

/** A failed step as a problem: a read-only workbook, or another Office.js error. */
export function problemFromError(e: unknown, step: string): LayoutProblem {
  const code = errorCode(e);
  if (code === "AccessDenied" || code === "InvalidOperationInCellEditMode") {
    return code === "AccessDenied"
      ? { code: "readOnly", message: `工作簿为只读，无法${step}。请另存为可编辑的副本或取消只读后再试；校验仍可照常进行。`, repairable: false }
      : { code: "officeError", message: `Excel 正处于单元格编辑状态，无法${step}。请先按 Enter 或 Esc 结束编辑再试。`, repairable: false };
  }
  const detail = code ? `（错误代码 ${code}）` : "";
  return { code: "officeError", message: `${step}时 Excel 报错${detail}，已停止此步骤；已填写的数据未改动。可稍后重试，或使用“修复模板”。`, repairable: true };
}

export function isReadOnlyError(e: unknown): boolean {
  return errorCode(e) === "AccessDenied";
}
