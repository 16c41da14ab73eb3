import { compileUncached, type CompiledForm, type IndexedRule } from "../check/compile";
import { columnLetters, quoteSheet } from "../excel/address";
import { placeForm, RECORD_VALUE_COLUMN, rowSpecOffsets } from "../spec/placement";
import type { FieldDef, Lists } from "../spec/instances";
import type { EquationRelation, FormSpec, Relation, SheetSpec } from "../spec/types";

/**
 * The part of the form an import into one table needs: that table's fields and template
 * addresses, and the sum rules whose formula computes one of its cells (the template totals an
 * export's 合计 is compared with). An import of 100,000 科目 lines then expands that table and
 * those rules, not every table and relation of the form; the fields, addresses and verdicts are
 * the same ones the whole form gives, because
 *   - a field's definition depends only on its own sheet, table, row and column;
 *   - a table's position depends only on the tables above it on its sheet, so each sheet is kept
 *     from its top down to the last table needed;
 *   - a rule reads only its own cells.
 */
export interface ImportTarget {
  compiled: CompiledForm;
  /** Sheet-qualified A1 address of a field in the template laid out for the lists after import. */
  locate: (fieldId: string) => string;
  /** The same for a field already looked up. */
  address: (field: FieldDef) => string;
  /**
   * Position in compiled.fields of the imported table's field at a row (a fixed row, or entry
   * n of a list row) and value column (undefined for a record table), found by position
   * rather than by building its id.
   */
  positionAt: (rowSpecId: string, listIndex: number | undefined, columnId: string | undefined) => number | undefined;
  /** The field at positionAt. */
  fieldAt: (rowSpecId: string, listIndex: number | undefined, columnId: string | undefined) => FieldDef | undefined;
  /** Positions in compiled.fields of the table's fields the template computes with a formula: compared, never written. */
  formulaAt: Set<number>;
  /** The formula rules computing those fields, indexed into compiled.fields. */
  totalRules: Array<Extract<IndexedRule, { kind: "equation" }>>;
}

/** The table a field reference names, or undefined when its first part is a placeholder. */
function tableOf(ref: string): string | undefined {
  const dot = ref.indexOf(".");
  const head = dot < 0 ? ref : ref.slice(0, dot);
  return head.includes("{") ? undefined : head;
}

function isFormula(relation: Relation): relation is EquationRelation {
  return relation.kind === "equation" && relation.formula === true;
}

/** Every table a relation reads, or undefined when a reference does not say (then keep them all). */
function tablesRead(relation: EquationRelation): string[] | undefined {
  const refs = [relation.target, ...relation.terms.map((t) => (typeof t === "string" ? t : t.ref))];
  const out = refs.map(tableOf);
  if (relation.each) out.push(relation.each.table);
  return out.every((t): t is string => t !== undefined) ? out : undefined;
}

export function compileTarget(form: FormSpec, tableId: string, lists: Lists): ImportTarget {
  // A relation whose target is written with a placeholder table is kept and sorted out after expansion.
  const relations = form.relations.filter(isFormula).filter((r) => {
    const t = tableOf(r.target);
    return t === undefined || t === tableId;
  });
  const needed = new Set<string>([tableId]);
  let all = false;
  for (const r of relations) {
    const tables = tablesRead(r);
    if (tables) tables.forEach((t) => needed.add(t));
    else all = true;
  }
  const sheets: SheetSpec[] = [];
  for (const sheet of form.sheets) {
    let last = -1;
    sheet.tables.forEach((t, k) => {
      if (all || needed.has(t.id)) last = k;
    });
    if (last >= 0) sheets.push(last === sheet.tables.length - 1 ? sheet : { ...sheet, tables: sheet.tables.slice(0, last + 1) });
  }
  const sub: FormSpec = { ...form, sheets, relations };
  const compiled = compileUncached(sub, lists);
  const prefix = `${tableId}.`;
  const totalRules = compiled.rules.filter(
    (r): r is Extract<IndexedRule, { kind: "equation" }> => r.kind === "equation" && r.target.startsWith(prefix),
  );
  const address = placedAddresses(sub, lists);
  const locate = (id: string) => {
    const field = compiled.fieldById.get(id);
    return field ? address(field) : id;
  };
  const positionAt: ImportTarget["positionAt"] = (row, n, column) => compiled.indexOf.at(tableId, row, n, column);
  const fieldAt: ImportTarget["fieldAt"] = (row, n, column) => {
    const ix = positionAt(row, n, column);
    return ix === undefined ? undefined : compiled.fields[ix];
  };
  const formulaAt = new Set(totalRules.map((r) => r.ix[0]));
  return { compiled, locate, address, positionAt, fieldAt, formulaAt, totalRules };
}

/**
 * Addresses from the shared placement (the one every host lays out from), a table at a time:
 * its sheet prefix and column letters are made once, so a cell costs one string, not a lookup
 * in an index of every cell of the form. The same addresses as CompiledForm.templateAddress
 * (a test holds the two together).
 */
function placedAddresses(form: FormSpec, lists: Lists): (field: FieldDef) => string {
  const tables = new Map<string, { prefix: string; bodyTop: number; rowStart: Map<string, number>; letters: Map<string, string> }>();
  for (const { sheet, tables: placed } of placeForm(form, lists)) {
    for (const p of placed) {
      const rowStart = rowSpecOffsets(p.table, lists);
      const letters = new Map(p.valueColumns.map((c, j) => [c.id, columnLetters(p.firstValueColumn + j)]));
      tables.set(p.table.id, { prefix: `${quoteSheet(sheet.name)}!`, bodyTop: p.bodyTop, rowStart, letters });
    }
  }
  return (field) => {
    const t = tables.get(field.table.id);
    const start = t?.rowStart.get(field.row.spec.id);
    const letters = t?.letters.get(field.column?.id ?? RECORD_VALUE_COLUMN.id);
    if (!t || start === undefined || letters === undefined) return field.id;
    return `${t.prefix}${letters}${t.bodyTop + start + (field.row.listIndex ?? 1) - 1}`;
  };
}
