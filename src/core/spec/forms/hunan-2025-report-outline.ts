import type { ReportOutline } from "../types";
import { REPORT_COVER, REPORT_SIGNOFFS } from "./yueyang-report-text";

/**
 * The ten-section outline of the 2025 湖南 部门整体支出绩效自评报告, headings as the 2025 seed
 * words them (test/fixtures/seeds/2025-yueyang-keji-self-evaluation.txt, 岳阳市科技局 2025年度;
 * its text recognition wrote some numerals as 1、 6、 9、 — the official form numbers 一 to 十).
 * Like the seed, it has no tables: each section holds the prose the officer writes in the 报告正文
 * sheet and the paragraphs ZiPing writes that belong there; the sign-offs close the report.
 */
export const hunan2025ReportOutline: ReportOutline = {
  id: "2025",
  names: ["湖南"],
  title: "部门整体支出绩效自评报告",
  cover: REPORT_COVER,
  sections: [
    {
      heading: "一、部门基本情况",
      blocks: [
        { kind: "field", field: "basics.duties", label: "（一）主要职责" },
        { kind: "field", field: "reportProse.divisions", label: "（二）内设机构" },
      ],
    },
    {
      heading: "二、一般公共预算支出情况",
      blocks: [{ kind: "paragraphs", ids: ["functional"], titled: false }],
    },
    { heading: "三、政府性基金预算支出情况", blocks: [{ kind: "field", field: "reportProse.govFund", label: "" }] },
    { heading: "四、国有资本经营预算支出情况", blocks: [{ kind: "field", field: "reportProse.stateCapital", label: "" }] },
    { heading: "五、社会保险基金预算支出情况", blocks: [{ kind: "field", field: "reportProse.socialInsurance", label: "" }] },
    {
      heading: "六、部门整体支出绩效情况",
      blocks: [
        { kind: "field", field: "basics.overall", label: "（一）年度整体工作开展情况" },
        { kind: "field", field: "reportProse.management", label: "（二）部门整体支出的管理状况" },
        { kind: "field", field: "reportProse.specialFunds", label: "（三）专项资金管理情况" },
        { kind: "paragraphs", ids: ["staff", "budget", "execution", "basic", "sangong", "special"] },
      ],
    },
    { heading: "七、存在的问题及原因分析", blocks: [{ kind: "field", field: "reportProse.problems", label: "" }] },
    { heading: "八、下一步改进措施", blocks: [{ kind: "field", field: "reportProse.improvements", label: "" }] },
    { heading: "九、部门整体支出绩效自评结果拟应用和公开情况", blocks: [{ kind: "field", field: "reportProse.publication", label: "" }] },
    { heading: "十、其他需要说明的情况", blocks: [{ kind: "field", field: "reportProse.other", label: "" }, ...REPORT_SIGNOFFS] },
  ],
};
