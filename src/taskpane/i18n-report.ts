/**
 * The strings of the 报告正文 editor (components/ReportTextBody) and 导入上年工作簿
 * (tabs/import/PriorImport), in Chinese and English: a dictionary of their own, loaded with
 * their chunks, so the pane's start-up script does not carry them (test/taskpane/i18n-report).
 */
import type { Lang } from "./i18n";
import { useLanguage } from "./language";

const zh = {
  reportTextHint: "在此填写报告的文字部分，保存后写入“报告正文”等工作表；也可直接在工作表中填写。由表中数字生成的段落只读显示。",
  reportTextReadFailed: "无法读取或保存报告正文：{reason}",
  reportTextNoSheet: "工作簿中还没有“报告正文”表：请先在“模板”页创建或修复模板。",
  reportTextSaved: "已保存 {count} 处报告正文。",
  reportTextKeptSheet: "已改用工作表中的内容。",
  priorDraft: "沿用上年",
  keepPriorDraft: "确认沿用（{label}）",
  priorDraftHint: "从上年工作簿带来的草稿：修改或确认沿用后，“沿用上年”标记即去掉。",
  reportFormatLabel: "报告格式",
  reportCover: "封面",
  reportTable: "（表格：{title}，按工作表中的数字印出）",
  reportNoParagraphs: "（表中数据尚不足以生成这部分的段落）",
  reportTextConflictTitle: "工作表中的内容已改动",
  reportTextConflictBody: "下列单元格在窗格读取之后已在工作表中修改，尚未写入任何内容：",
  reportTextConflictItem: "{label}（{cell}）现为：",
  reportTextEmptyCell: "（空）",
  reportTextOverwrite: "用窗格中的文字覆盖",
  reportTextKeepSheet: "保留工作表中的内容",
  reportTextSave: "保存到工作簿（{count} 处修改）",
  reportTextNothingToSave: "没有未保存的修改",
  reportTextReload: "重新读取（放弃未保存的修改）",
  priorTitle: "导入上年工作簿",
  priorHint: "选择上年用自评表助手填写的工作簿（.xlsx）：上年数、上年结转和结余、人员数填入今年的对应格，文字作为草稿（标“沿用上年”）。先列出计划，确认后才写入；已填写的格勾选后才会替换。",
  priorPick: "选择上年工作簿…",
  priorReading: "正在读取上年工作簿…",
  priorSummary: "从 {file} 可写入 {count} 格：",
  priorFrom: "← 上年 {cell}：{value}",
  priorReplaces: "将替换现有内容：{value}",
  priorNothing: "没有可导入的内容：今年的上年数和文字已与上年工作簿一致。",
  priorConfirm: "写入所选 {count} 格",
  priorEntriesSummary: "上年有、今年没有的 {count} 项（勾选的新增在现有各项之后，并填入其上年数）：",
  priorNewEntry: "新增{kind}：{name}（沿用上年）",
  priorUnitKind: "单位",
  priorConfirmEntries: "新增 {entries} 项，写入其上年数和所选 {count} 格",
  priorAdded: "已新增 {entries} 项（沿用上年）。",
  priorApplied: "已写入 {count} 格，其中 {drafts} 段文字标为“沿用上年”，请在“叙述”页的“报告正文”中修改。",
  priorStale: "工作簿在列出计划后有改动，已按现在的内容重新列出，请再确认。",
  priorMismatchTitle: "今年的上年数与上年工作簿不一致（{count} 处）",
  priorMatches: "今年的上年数与上年工作簿的本年数一致。",
};

export type ReportStrings = typeof zh;

const en: ReportStrings = {
  reportTextHint: "Write the report's prose here; saving writes it into the 报告正文 sheet. You may also type it in the sheet. Paragraphs written from the tables are shown read-only.",
  reportTextReadFailed: "Could not read or save the report text: {reason}",
  reportTextNoSheet: "The workbook has no 报告正文 sheet yet: create or repair the template on the Template tab first.",
  reportTextSaved: "Saved {count} report {count?field|fields}.",
  reportTextKeptSheet: "Took the sheet's text instead.",
  priorDraft: "From last year",
  keepPriorDraft: "Keep last year's text ({label})",
  priorDraftHint: "A draft carried from last year's workbook: the mark goes once you edit or keep it.",
  reportFormatLabel: "Report outline",
  reportCover: "Cover",
  reportTable: "(tables: {title}, printed with the sheet's figures)",
  reportNoParagraphs: "(not enough figures yet for this section's paragraphs)",
  reportTextConflictTitle: "Changed in the sheet",
  reportTextConflictBody: "These cells were changed in the sheet after the pane read them; nothing was written:",
  reportTextConflictItem: "{label} ({cell}) now holds:",
  reportTextEmptyCell: "(empty)",
  reportTextOverwrite: "Overwrite with the pane's text",
  reportTextKeepSheet: "Keep the sheet's text",
  reportTextSave: "Save to workbook ({count} {count?change|changes})",
  reportTextNothingToSave: "No unsaved changes",
  reportTextReload: "Read again (drop unsaved changes)",
  priorTitle: "Import last year's workbook",
  priorHint: "Pick last year's workbook filled with this add-in (.xlsx): its figures go into this year's prior-year cells, its prose in as drafts marked 沿用上年. You see the plan first; cells you filled are replaced only if you tick them.",
  priorPick: "Pick last year's workbook…",
  priorReading: "Reading last year's workbook…",
  priorSummary: "{file} can fill {count} {count?cell|cells}:",
  priorFrom: "← last year {cell}: {value}",
  priorReplaces: "Replaces what is there: {value}",
  priorNothing: "Nothing to import: this year's prior-year figures and prose already match last year's workbook.",
  priorConfirm: "Write the {count} chosen {count?cell|cells}",
  priorEntriesSummary: "{count} {count?entry|entries} last year's workbook has and this year's lacks (ticked ones are added after yours, with their prior-year figures):",
  priorNewEntry: "New {kind}: {name} (from last year)",
  priorUnitKind: "unit",
  priorConfirmEntries: "Add {entries} {entries?entry|entries}, write their prior-year figures and the {count} chosen {count?cell|cells}",
  priorAdded: "Added {entries} {entries?entry|entries} from last year. ",
  priorApplied: "Wrote {count} {count?cell|cells}; {drafts} {drafts?paragraph is|paragraphs are} marked 沿用上年: revise them under Report text on the Narrative tab.",
  priorStale: "The workbook changed after the plan was made: here is the plan for what it holds now; please confirm again.",
  priorMismatchTitle: "This year's prior-year figures differ from last year's workbook ({count})",
  priorMatches: "This year's prior-year figures match last year's workbook.",
};

export const REPORT_DICTIONARY: Record<Lang, ReportStrings> = { zh, en };

export function useReportStrings(): ReportStrings {
  return REPORT_DICTIONARY[useLanguage().lang];
}
