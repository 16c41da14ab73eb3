/**
 * What a value becomes in a cell is decided once (core/excel cellInput): the same values written
 * by the Office host (on the in-memory Excel) and by the .xlsx writer (saved and opened again)
 * end up as the same cells, and figures Excel cannot hold are never rounded on the way in.
 */
import ExcelJS from "exceljs";
import { sheetAddress } from "../../src/core/excel/address";
import { buildLayoutPlan } from "../../src/core/plan/layout";
import { defaultForm, expandFields, type FieldDef } from "../../src/core/spec";
import { fillValues, plannedFieldCells } from "../../src/hosts/xlsx/fill";
import { buildWorkbook, plannedNames, workbookBytes } from "../../src/hosts/xlsx/write";
import { layOut, seed, setup } from "./office/helpers";

type Written = string | number;

/** Inputs an officer's data may hold, by the kind of cell they go into. */
const INPUTS: Record<"amount" | "count" | "text" | "label", Written[]> = {
  amount: [
    "1299.77万元", "1,299.77", "1299.77", "￥1,299.77", "(12.30)", "-5", "+5", "1e3", 987.55, 0,
    "123456789012345", "12345678901234.5", "1234567890123456", "12345678901234567.89", "0.1234567890123456",
    "100元", "44.77%", "无", "—", "-", "=1+2", "+86 0730", "@SUM(A1)", "约5万", "3-5", " ",
  ],
  count: ["12", "3.5", "12人", "=A1", "-"],
  text: ["=1+1", "07308858935", "+86 0730", "@SUM(A1)", "1299.77", "-"],
  label: ["=1+1", "2020"],
};

/** A cell as both hosts can report it. */
interface Cell {
  value: number | string | boolean | null;
  formula?: string;
}

/** Each input into its own cell of the template: input fields of the right kind that no formula fills. */
function assignments(): Array<{ id: string; kind: keyof typeof INPUTS; value: Written; field?: FieldDef }> {
  const plan = buildLayoutPlan(defaultForm, seed.lists);
  const formulas = new Set(plan.sheets.flatMap((s) => s.cells.filter((c) => c.formula && c.fieldId).map((c) => c.fieldId!)));
  const fields = expandFields(defaultForm, seed.lists).filter((f) => !formulas.has(f.id));
  const pools = {
    amount: fields.filter((f) => f.kind === "amount" && f.unit === "万元"),
    count: fields.filter((f) => f.kind === "count" && f.unit === "人"),
    text: fields.filter((f) => f.kind === "text"),
    label: [],
  };
  const labels = ["projectItems.item[1].#name", "evaluators.person[1].#name"];
  return (Object.keys(INPUTS) as Array<keyof typeof INPUTS>).flatMap((kind) =>
    INPUTS[kind].map((value, i) => {
      if (kind === "label") return { id: labels[i], kind, value };
      const field = pools[kind][i];
      if (!field) throw new Error(`the form has too few ${kind} fields for the inputs`);
      return { id: field.id, kind, value, field };
    }),
  );
}

async function throughOffice(writes: ReturnType<typeof assignments>): Promise<Map<string, Cell>> {
  const { wb, session } = setup();
  await layOut(session);
  const result = await session.writeValues(Object.fromEntries(writes.map((w) => [w.id, w.value])));
  expect(result.rejected).toEqual([]);
  const plan = buildLayoutPlan(defaultForm, seed.lists);
  const at = plannedFieldCells(plan);
  return new Map(
    writes.map((w) => {
      const p = at.get(w.id)!;
      const cell = wb.cell(sheetAddress(p.sheet, p.row, p.column));
      return [w.id, { value: cell.value === "" ? null : (cell.value as Cell["value"]), ...(cell.formula ? { formula: cell.formula } : {}) }];
    }),
  );
}

async function throughXlsx(writes: ReturnType<typeof assignments>): Promise<Map<string, Cell>> {
  const plan = buildLayoutPlan(defaultForm, seed.lists);
  const workbook = buildWorkbook(plan);
  const at = plannedFieldCells(plan);
  const missing = fillValues(workbook, defaultForm, { ...seed, values: Object.fromEntries(writes.map((w) => [w.id, w.value])) }, at);
  expect(missing).toEqual([]);
  // Saved and opened again: the cells as the file holds them.
  const reopened = new ExcelJS.Workbook();
  await reopened.xlsx.load((await workbookBytes(workbook, plannedNames(plan))) as unknown as ExcelJS.Buffer);
  return new Map(
    writes.map((w) => {
      const p = at.get(w.id)!;
      const v = reopened.getWorksheet(p.sheet)!.getCell(p.row, p.column).value;
      if (v !== null && typeof v === "object" && "formula" in v) return [w.id, { value: null, formula: `=${v.formula}` }];
      return [w.id, { value: v === undefined || v === "" ? null : (v as Cell["value"]) }];
    }),
  );
}

describe("one decision for what a value becomes in a cell", () => {
  const writes = assignments();
  let office: Map<string, Cell>;
  let xlsx: Map<string, Cell>;
  beforeAll(async () => {
    [office, xlsx] = await Promise.all([throughOffice(writes), throughXlsx(writes)]);
  });

  it("gives the same cell through the Office host and the .xlsx writer, for every input", () => {
    for (const w of writes) expect(office.get(w.id), `${w.kind} ${JSON.stringify(w.value)}`).toEqual(xlsx.get(w.id));
  });

  it("writes a figure in the cell's own unit as a number, and never a formula", () => {
    const cell = (value: Written) => office.get(writes.find((w) => w.value === value && w.kind === "amount")!.id);
    expect(cell("1299.77万元")).toEqual({ value: 1299.77 });
    expect(cell("(12.30)")).toEqual({ value: -12.3 });
    expect(cell("123456789012345")).toEqual({ value: 123456789012345 });
    for (const w of writes) expect(office.get(w.id)?.formula, `${w.kind} ${JSON.stringify(w.value)}`).toBeUndefined();
  });

  it("keeps as text, whole, a figure with more digits than Excel holds, another unit, and formula-like text", () => {
    for (const text of ["12345678901234567.89", "1234567890123456", "0.1234567890123456", "100元", "44.77%", "=1+2", "+86 0730", "@SUM(A1)", "3-5"]) {
      expect(office.get(writes.find((w) => w.value === text && w.kind === "amount")!.id), text).toEqual({ value: text });
    }
    for (const w of writes.filter((x) => x.kind === "text" || x.kind === "label")) expect(office.get(w.id), String(w.value)).toEqual({ value: w.value });
  });
});
