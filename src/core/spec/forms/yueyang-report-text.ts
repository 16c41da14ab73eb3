import type { CoverLine, ReportBlock, SheetSpec } from "../types";

/**
 * The 报告正文 sheet: what the written 自评报告 needs beyond the tables — the cover, the prose
 * the officer writes for each outline's sections, and the sign-off blocks. Every row may stay
 * empty (an outline uses only some of them), so none raises a 未填写 notice.
 *
 * Words from the two seed reports (test/fixtures/seeds/): the 2020 岳阳 form's cover (评价方式,
 * 评价机构, 岳阳市财政局（制）) and sign-offs, and the 2025 湖南 outline's sections.
 */
export const REPORT_TEXT_SHEET: SheetSpec = {
  id: "reportText",
  name: "报告正文",
  tables: [
    {
      id: "reportCover",
      title: "封面与报告格式",
      layout: "record",
      kind: "text",
      emptyAllowed: true,
      rows: [
        { id: "format", label: "报告格式", note: "2020（岳阳）或 2025（湖南），空着为 2020" },
        { id: "budgetCode", label: "预算编码" },
        // Empty: the cover prints the form's words (REPORT_COVER).
        { id: "method", label: "评价方式" },
        { id: "agency", label: "评价机构" },
        { id: "date", label: "报告日期" },
        { id: "issuer", label: "制表机关" },
      ],
    },
    {
      id: "reportProse",
      title: "报告正文（文字部分）",
      layout: "record",
      kind: "text",
      emptyAllowed: true,
      rows: [
        { id: "divisions", label: "机构设置情况" },
        { id: "management", label: "部门整体支出的管理状况" },
        { id: "specialFunds", label: "专项资金管理情况" },
        { id: "balance", label: "结余、超支原因" },
        { id: "problems", label: "存在的主要问题" },
        { id: "improvements", label: "改进措施和建议" },
        { id: "govFund", label: "政府性基金预算支出情况" },
        { id: "stateCapital", label: "国有资本经营预算支出情况" },
        { id: "socialInsurance", label: "社会保险基金预算支出情况" },
        { id: "publication", label: "自评结果拟应用和公开情况" },
        { id: "other", label: "其他需要说明的情况" },
      ],
    },
    {
      id: "reportSignoff",
      title: "签字与意见",
      layout: "record",
      kind: "text",
      emptyAllowed: true,
      rows: [
        { id: "leader", label: "评价组组长" },
        { id: "deptOpinion", label: "部门（单位）意见" },
        { id: "financeOpinion", label: "财政部门归口业务科室意见" },
        { id: "filler", label: "填报人" },
        { id: "fillerPhone", label: "填报人联系电话" },
      ],
    },
  ],
};

/** The cover both outlines print under the title (the 2020 form's words). */
export const REPORT_COVER: CoverLine[] = [
  { label: "部门（单位）名称", field: "report.dept" },
  { label: "预算编码", field: "reportCover.budgetCode" },
  { label: "评价方式", field: "reportCover.method", text: "部门（单位）绩效自评" },
  { label: "评价机构", field: "reportCover.agency", text: "部门（单位）评价组" },
  { label: "报告日期", field: "reportCover.date", date: true },
  { label: "制表机关", field: "reportCover.issuer", text: "岳阳市财政局" },
];

/** The sign-off blocks, in the 2020 form's order and words. */
export const REPORT_SIGNOFFS: ReportBlock[] = [
  { kind: "signoff", parts: [{ label: "评价组组长（签字）", field: "reportSignoff.leader" }], dated: true },
  { kind: "signoff", parts: [{ label: "部门（单位）意见", field: "reportSignoff.deptOpinion" }], signer: "部门（单位）负责人（签章）", dated: true },
  {
    kind: "signoff",
    parts: [{ label: "财政部门归口业务科室意见", field: "reportSignoff.financeOpinion" }],
    signer: "财政部门归口业务科室负责人（签章）",
    dated: true,
  },
  {
    kind: "signoff",
    parts: [
      { label: "填报人（签名）", field: "reportSignoff.filler" },
      { label: "联系电话", field: "reportSignoff.fillerPhone" },
    ],
  },
];
