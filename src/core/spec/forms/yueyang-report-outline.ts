import type { FormSpec, ReportOutline } from "../types";
import { hunan2025ReportOutline } from "./hunan-2025-report-outline";
import { REPORT_COVER, REPORT_SIGNOFFS } from "./yueyang-report-text";

/**
 * The written report of the 2020 岳阳 form, in the order of its five parts: the tables of 一 to 四,
 * then 五、评价报告综述（文字部分）, where ZiPing's paragraphs go. Headings as the seed report
 * words them (test/fixtures/seeds/2020-yueyang-keji-self-evaluation.txt, 岳阳市科技局 2020年度
 * 部门整体支出绩效自评报告, published on the 岳阳市科技局 site): the sign-offs close 四、评价人员,
 * and 五 holds the officer's prose around ZiPing's paragraphs in the seed's order.
 */
export const yueyangReportOutline: ReportOutline = {
  id: "2020",
  names: ["岳阳"],
  title: "部门整体支出绩效自评报告",
  cover: REPORT_COVER,
  sections: [
    {
      heading: "一、部门（单位）基本概况",
      blocks: [
        { kind: "table", table: "basics" },
        { kind: "table", table: "staff" },
      ],
    },
    {
      heading: "二、部门（单位）收支情况",
      blocks: [
        { kind: "table", table: "income" },
        { kind: "table", table: "expense" },
        { kind: "table", table: "sangongByUnit" },
        { kind: "table", table: "sangong" },
        { kind: "table", table: "vehicles" },
        { kind: "table", table: "assets" },
        { kind: "table", table: "budget" },
        { kind: "table", table: "fiscalIncome" },
        { kind: "table", table: "budgetExec" },
        { kind: "table", table: "econ" },
        { kind: "table", table: "projectItems" },
        { kind: "table", table: "special" },
        { kind: "table", table: "funcBasic" },
        { kind: "table", table: "funcProject" },
        { kind: "table", table: "otherBudgets" },
        // Last year's totals the 与上年比较 sentences compare with, when last year's workbook was imported.
        { kind: "table", table: "lastYear", whenFilled: true },
      ],
    },
    {
      heading: "三、部门（单位）整体支出绩效自评情况",
      blocks: [
        { kind: "table", table: "perfQual" },
        { kind: "table", table: "perfQuant" },
        { kind: "table", table: "score" },
      ],
    },
    {
      heading: "四、评价人员",
      blocks: [{ kind: "table", table: "evaluators" }, ...REPORT_SIGNOFFS],
    },
    {
      heading: "五、评价报告综述（文字部分）",
      blocks: [
        { kind: "field", field: "reportProse.divisions", label: "机构设置情况" },
        { kind: "field", field: "basics.duties", label: "主要工作职责" },
        { kind: "field", field: "basics.overall", label: "年度总体运行情况及取得的成绩" },
        { kind: "field", field: "reportProse.management", label: "部门整体支出的管理状况" },
        { kind: "paragraphs" },
        { kind: "field", field: "reportProse.balance", label: "结余、超支原因" },
        { kind: "field", field: "reportProse.problems", label: "存在的主要问题" },
        { kind: "field", field: "reportProse.improvements", label: "改进措施和建议" },
      ],
    },
  ],
};

/** The form's outlines: 2020 unless the 报告格式 cell (or --outline) names the 2025 湖南 one. */
export const yueyangReport = {
  report: yueyangReportOutline,
  reportChoice: { field: "reportCover.format", outlines: [hunan2025ReportOutline] },
} satisfies Pick<FormSpec, "report" | "reportChoice">;
