/**
 * What the 报告正文 editor lists for an outline, in the report's order: the cover's fields, then
 * each section's heading with its prose fields (labelled as the report labels them, or by the
 * section's heading when the report leaves the label out), the generated paragraphs it holds,
 * the tables it prints and its sign-off fields. Derived from the outline data alone.
 */
import { isPriorDraft, PRIOR_DRAFT_MARK } from "../../core/prior/carry";
import { outlinesOf } from "../../core/plan/outline";
import type { FormSpec, ReportOutline } from "../../core/spec/types";

export interface ProseInput {
  field: string;
  label: string;
  /** Long text (a textarea) rather than one line. */
  long: boolean;
}

export type OutlineItem =
  | ({ kind: "field" } & ProseInput)
  | { kind: "paragraphs"; ids?: string[]; titled: boolean }
  /** The tables the section prints, consecutive ones together (one line in the pane). */
  | { kind: "tables"; titles: string[] };

export interface OutlineView {
  id?: string;
  cover: ProseInput[];
  sections: Array<{ heading: string; items: OutlineItem[] }>;
}

export function outlineView(form: FormSpec, outline: ReportOutline): OutlineView {
  const tables = new Map(form.sheets.flatMap((s) => s.tables.map((tb) => [tb.id, tb] as const)));
  const labelOf = (field: string): string => {
    const [table, row] = field.split(".");
    return tables.get(table)?.rows.find((r) => r.id === row)?.label ?? field;
  };
  return {
    ...(outline.id ? { id: outline.id } : {}),
    // 部门（单位）名称 and the date line are part of the cover too: every line with a cell.
    cover: (outline.cover ?? []).flatMap((l) => (l.field ? [{ field: l.field, label: l.label, long: false }] : [])),
    sections: outline.sections.map((section) => ({
      heading: section.heading,
      items: section.blocks.flatMap((block, i): OutlineItem[] => {
        if (block.kind === "table") {
          if (section.blocks[i - 1]?.kind === "table") return [];
          const run = section.blocks.slice(i).findIndex((b) => b.kind !== "table");
          const titles = section.blocks.slice(i, run < 0 ? undefined : i + run).map((b) => (b.kind === "table" ? tables.get(b.table)?.title ?? b.table : ""));
          return [{ kind: "tables", titles }];
        }
        if (block.kind === "paragraphs") return [{ kind: "paragraphs", ...(block.ids ? { ids: block.ids } : {}), titled: block.titled !== false }];
        if (block.kind === "field") return [{ kind: "field", field: block.field, label: block.label || (block.label === "" ? section.heading : labelOf(block.field)), long: true }];
        return block.parts.flatMap((p) => (p.field ? [{ kind: "field" as const, field: p.field, label: p.label.replace(/（签[字名章]）$/, ""), long: !/电话|签字|签名/.test(p.label) }] : []));
      }),
    })),
  };
}

/** Every prose field of every outline the form offers, and the 报告格式 cell: one read serves them all. */
export function reportTextFields(form: FormSpec): string[] {
  const out = new Set<string>();
  if (form.reportChoice) out.add(form.reportChoice.field);
  for (const outline of outlinesOf(form)) {
    const view = outlineView(form, outline);
    for (const f of view.cover) out.add(f.field);
    for (const s of view.sections) for (const item of s.items) if (item.kind === "field") out.add(item.field);
  }
  return [...out];
}

export { isPriorDraft };

/** The text without its 沿用上年 mark, as the editor shows it. */
export const withoutMark = (text: string): string => (isPriorDraft(text) ? text.slice(PRIOR_DRAFT_MARK.length) : text);
