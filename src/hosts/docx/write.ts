/**
 * Renders a document plan (src/core/plan/document.ts) as a .docx in the usual 公文 layout: A4,
 * GB/T 9704 margins, the title in 方正小标宋简体, first-level headings in 黑体, second-level in
 * 楷体_GB2312, body in 仿宋_GB2312 三号 with a two-character first-line indent, tables in 宋体,
 * page numbers "— 1 —" at the foot. Where a 公文 font is not installed, Word falls back to the
 * font table's altName (仿宋_GB2312 → 仿宋, 方正小标宋简体 → 黑体, 楷体_GB2312 → 楷体), written here.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ParagraphChild,
} from "docx";
import JSZip from "jszip";
import type { DocumentBlock, DocumentCell, DocumentPlan } from "../../core/plan/document";

export const FONTS = {
  title: "方正小标宋简体",
  heading: "黑体",
  subheading: "楷体_GB2312",
  body: "仿宋_GB2312",
  table: "宋体",
} as const;

/** Substitutes for a 公文 font a machine lacks (font table altName). */
export const FONT_FALLBACKS: Record<string, string> = {
  方正小标宋简体: "黑体",
  仿宋_GB2312: "仿宋",
  楷体_GB2312: "楷体",
};

/** A4 in twentieths of a point, and GB/T 9704 margins (天头 37 mm, 订口 28 mm, 版心 156 mm wide). */
const A4 = { width: 11906, height: 16838 };
const MARGINS = { top: 2098, bottom: 1984, left: 1588, right: 1474 };
const CONTENT_WIDTH = A4.width - MARGINS.left - MARGINS.right;
/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt, 小五 9 pt. */
const SIZE = { title: 44, heading: 32, body: 32, footer: 28, tableTitle: 24, table: 18 };

function run(text: string, font: string, size: number, bold = false): TextRun {
  return new TextRun({ text, font: { ascii: font, eastAsia: font, hAnsi: font }, size, bold });
}

function heading(block: Extract<DocumentBlock, { kind: "heading" }>): Paragraph {
  return new Paragraph({
    heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    indent: { firstLine: 640 },
    spacing: { before: 120, after: 120, line: 560, lineRule: "exact" },
    keepNext: true,
    children: [run(block.text, block.level === 1 ? FONTS.heading : FONTS.subheading, SIZE.heading)],
  });
}

function bodyParagraph(text: string): Paragraph {
  // 28.95 pt line spacing (公文: 22 lines a page), first line indented two characters.
  return new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 579, lineRule: "exact" }, alignment: AlignmentType.JUSTIFIED, children: [run(text, FONTS.body, SIZE.body)] });
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function tableCell(cell: DocumentCell, width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    ...(cell.columnSpan ? { columnSpan: cell.columnSpan } : {}),
    ...(cell.rowSpan ? { rowSpan: cell.rowSpan } : {}),
    children: [new Paragraph({ alignment: ALIGN[cell.align], children: [run(cell.text, FONTS.table, SIZE.table, cell.header === true)] })],
  });
}

function table(block: Extract<DocumentBlock, { kind: "table" }>): Array<Paragraph | Table> {
  const total = block.columnWidths.reduce((a, b) => a + b, 0);
  const widths = block.columnWidths.map((w) => Math.floor((w / total) * CONTENT_WIDTH));
  let column = 0;
  const rows = block.rows.map((cells, i) => {
    column = 0;
    // A row's cells skip the columns a merge from above covers; widths follow the columns each cell spans.
    return new TableRow({
      tableHeader: i < block.headerRows,
      cantSplit: true,
      children: cells.map((cell) => {
        const span = cell.columnSpan ?? 1;
        const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
        column += span;
        return tableCell(cell, width);
      }),
    });
  });
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 240 }, children: [run(block.title, FONTS.heading, SIZE.tableTitle)] }),
    ...(block.unit ? [new Paragraph({ alignment: AlignmentType.RIGHT, keepNext: true, children: [run(block.unit, FONTS.table, SIZE.table)] })] : []),
    new Table({ width: { size: CONTENT_WIDTH, type: WidthType.DXA }, columnWidths: widths, rows }),
  ];
}

function coverLine(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [run(text, FONTS.body, SIZE.body)] });
}

function cover(plan: DocumentPlan): Paragraph[] {
  const lines: Paragraph[] = [new Paragraph({ spacing: { before: 3000 }, children: [] })];
  const title = [plan.cover.dept, plan.cover.year ? `${plan.cover.year}年度` : undefined].filter(Boolean).join("");
  if (title) lines.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(title, FONTS.title, SIZE.title)] }));
  lines.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 2400 }, children: [run(plan.cover.title, FONTS.title, SIZE.title)] }));
  if (plan.cover.lines.length > 0) lines.push(...plan.cover.lines.map((l) => coverLine(`${l.label}：${l.text}`)));
  else {
    // A form whose outline has no cover lines: the department and the date, as before.
    if (plan.cover.dept) lines.push(coverLine(`部门（单位）名称：${plan.cover.dept}`));
    lines.push(coverLine(`报告日期：${plan.cover.date}`));
  }
  lines.push(new Paragraph({ children: [new PageBreak()] }));
  return lines;
}

/** 意见 and its text, then who signs or seals and the date line, right-aligned as on the form. */
function signoff(block: Extract<DocumentBlock, { kind: "signoff" }>): Paragraph[] {
  const right = (text: string): Paragraph =>
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { line: 579, lineRule: "exact" }, children: [run(text, FONTS.body, SIZE.body)] });
  const line = block.parts.map((p) => `${p.label}：${p.text}`).join("　　");
  return [
    new Paragraph({ spacing: { before: 240, line: 579, lineRule: "exact" }, keepNext: true, children: [run(line, FONTS.body, SIZE.body)] }),
    ...(block.signer ? [right(`${block.signer}：　　　　　　`)] : []),
    ...(block.dated ? [right("年　　月　　日")] : []),
  ];
}

function findingsPage(findings: NonNullable<DocumentPlan["findings"]>): Paragraph[] {
  if (findings.length === 0) return [];
  return [
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run("校验提示", FONTS.heading, SIZE.heading)] }),
    bodyParagraph(`以下 ${findings.length} 项校验错误尚未解决，提交前请核对更正或在报告中说明：`),
    ...findings.map((f, i) => bodyParagraph(`${i + 1}. ${f.cell ? `${f.cell}：` : ""}${f.message}`)),
  ];
}

function pageNumberFooter(): Footer {
  const children: ParagraphChild[] = [run("— ", FONTS.table, SIZE.footer), new TextRun({ children: [PageNumber.CURRENT], size: SIZE.footer }), run(" —", FONTS.table, SIZE.footer)];
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children })] });
}

/** Adds altName substitutes for the 公文 fonts to the font table, so Word falls back gracefully. */
async function withFontFallbacks(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const path = "word/fontTable.xml";
  const xml = await zip.file(path)?.async("string");
  if (!xml) return bytes;
  const fonts = Object.entries(FONT_FALLBACKS)
    .map(([name, alt]) => `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="auto"/></w:font>`)
    .join("");
  // docx writes an empty table as <w:fonts …/>.
  const table = /<w:fonts\b[^>]*\/>\s*$/.test(xml) ? xml.replace(/\/>\s*$/, `>${fonts}</w:fonts>`) : xml.replace(/<\/w:fonts>\s*$/, `${fonts}</w:fonts>`);
  zip.file(path, table);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** The .docx bytes of a document plan, for a file (Node). */
export async function documentBytes(plan: DocumentPlan): Promise<Buffer> {
  const bytes = await documentArray(plan);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The .docx bytes of a document plan, in Node or a browser (the pane's 导出报告). */
export async function documentArray(plan: DocumentPlan): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [...cover(plan)];
  for (const block of plan.blocks) {
    if (block.kind === "heading") children.push(heading(block));
    else if (block.kind === "paragraph") children.push(bodyParagraph(block.text));
    else if (block.kind === "signoff") children.push(...signoff(block));
    else children.push(...table(block));
  }
  if (plan.findings) children.push(...findingsPage(plan.findings));
  const document = new Document({
    creator: "ZiPing 自评表助手",
    title: plan.cover.title,
    styles: { default: { document: { run: { font: { ascii: FONTS.body, eastAsia: FONTS.body, hAnsi: FONTS.body }, size: SIZE.body } } } },
    sections: [
      {
        properties: { page: { size: A4, margin: MARGINS }, titlePage: true },
        footers: { default: pageNumberFooter(), first: new Footer({ children: [] }) },
        children,
      },
    ],
  });
  return withFontFallbacks(await Packer.pack(document, "uint8array"));
}
