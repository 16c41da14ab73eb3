import { substitute, substitutions, tableById } from "./rules";
import type { Lists } from "./instances";
import type { FormSpec, ReportOutline } from "./types";

/**
 * A form's report outlines and prior-year links, checked like its relations: every table, field
 * and paragraph they name must be the form's, so a JSON form with a slip is told where instead of
 * writing a report with a hole or carrying a figure into nowhere. Messages name the JSON path.
 */
export function linkProblems(form: FormSpec, fieldIds: Set<string>, sampleLists: Lists): string[] {
  const errors: string[] = [];
  const field = (id: unknown, at: string) => {
    if (typeof id !== "string" || !fieldIds.has(id)) errors.push(`${at}：字段「${String(id)}」不在本报表中`);
  };
  const paragraphIds = new Set((form.narrative ?? []).map((p) => p.id));
  const outline = (o: ReportOutline, at: string) => {
    (o.cover ?? []).forEach((line, k) => line.field !== undefined && field(line.field, `${at}.cover[${k}].field`));
    (o.sections ?? []).forEach((section, s) =>
      (section.blocks ?? []).forEach((block, b) => {
        const where = `${at}.sections[${s}].blocks[${b}]`;
        if (block.kind === "table" && !tableById(form, block.table)) errors.push(`${where}.table：表「${block.table}」不在本报表中`);
        if (block.kind === "field") field(block.field, `${where}.field`);
        if (block.kind === "signoff") block.parts.forEach((p, k) => p.field !== undefined && field(p.field, `${where}.parts[${k}].field`));
        if (block.kind === "paragraphs") {
          (block.ids ?? []).forEach((id, k) => paragraphIds.has(id) || errors.push(`${where}.ids[${k}]：叙述段落「${id}」不在本报表中`));
        }
      }),
    );
  };
  if (form.report) outline(form.report, "report");
  if (form.reportChoice) {
    field(form.reportChoice.field, "reportChoice.field");
    form.reportChoice.outlines.forEach((o, i) => outline(o, `reportChoice.outlines[${i}]`));
  }
  const prior = form.priorYear;
  if (!prior) return errors;
  prior.links.forEach((link, i) => {
    const at = `priorYear.links[${i}]`;
    let subs;
    try {
      subs = substitutions(form, link.each, sampleLists);
    } catch {
      errors.push(`${at}.each.table：表「${link.each?.table}」不在本报表中`);
      return;
    }
    if (link.prior.includes("[*]") !== link.current.includes("[*]")) errors.push(`${at}：上年数与本年数须同为列表行（[*]）或同不是`);
    // A starred list row is checked at its first sample entry: the pairing by name is the importer's.
    const one = (ref: string) => ref.split("[*]").join("[1]");
    for (const s of subs) {
      field(one(substitute(link.prior, s)), `${at}.prior`);
      field(one(substitute(link.current, s)), `${at}.current`);
    }
  });
  (prior.copy ?? []).forEach((id, k) => field(id, `priorYear.copy[${k}]`));
  (prior.prose ?? []).forEach((id, k) => field(id, `priorYear.prose[${k}]`));
  return errors;
}
