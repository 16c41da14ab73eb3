import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ByFieldId, FieldIndex } from "../../../src/core/check/field-index";
import { defaultForm, expandFields, type FormSpec, type ReportData } from "../../../src/core/spec";

const seed = JSON.parse(readFileSync(join(__dirname, "../../fixtures/seed-2020.json"), "utf8")) as ReportData;
const lists = { ...seed.lists, funcBasic: Array.from({ length: 50 }, (_, i) => ({ name: `科目${i + 1}`, code: String(2010101 + i) })) };
const fields = expandFields(defaultForm, lists);

describe("FieldIndex: positions by id without a map entry per field", () => {
  it("gives every field its position, as a map of every id would", () => {
    const index = new FieldIndex(fields);
    const byId = new ByFieldId(fields, fields, index);
    expect(fields.some((f) => f.row.listIndex !== undefined && f.column !== undefined)).toBe(true);
    fields.forEach((f, i) => {
      expect(index.get(f.id), f.id).toBe(i);
      expect(byId.get(f.id)).toBe(f);
    });
    expect(index.size).toBe(fields.length);
    // The same positions found from a field's row spec, entry and column, without its id.
    fields.forEach((f, i) => expect(index.at(f.table.id, f.row.spec.id, f.row.listIndex, f.column?.id ?? "value"), f.id).toBe(i));
    expect([...index.keys()]).toEqual(fields.map((f) => f.id));
  });

  it("answers undefined for ids that are not fields, however close", () => {
    const index = new FieldIndex(fields);
    const listed = fields.find((f) => f.table.id === "funcBasic" && f.row.listIndex === 1)!;
    const [head, column] = [listed.id.slice(0, listed.id.indexOf("[")), listed.column?.id];
    const near = [`${head}[0].${column}`, `${head}[51].${column}`, `${head}[01].${column}`, `${head}[1.5].${column}`, `${head}[1]`, `${head}[1].nosuch`, `${head}[1`, "nosuch", "nosuch.row[1].x"];
    for (const id of near) expect(index.get(id), id).toBeUndefined();
    expect(index.at("funcBasic", listed.row.spec.id, 51, column)).toBeUndefined();
    expect(index.at("funcBasic", listed.row.spec.id, 1, "nosuch")).toBeUndefined();
    expect(index.at("funcBasic", "nosuchrow", 1, column)).toBeUndefined();
    expect(index.at("nosuch", listed.row.spec.id, 1, column)).toBeUndefined();
    expect(index.has(listed.id)).toBe(true);
  });

  it("finds entries of a list row in a record table (one field per entry)", () => {
    const form = {
      id: "t",
      sheets: [{ id: "s", name: "表", tables: [{ id: "rec", title: "记录", layout: "record", rows: [{ id: "head", label: "总" }, { id: "u", label: "单位", list: "units" }, { id: "tail", label: "尾" }] }] }],
      lists: [{ id: "units", label: "单位" }],
      relations: [],
    } as unknown as FormSpec;
    const recordFields = expandFields(form, { units: [{ name: "甲" }, { name: "乙" }, { name: "丙" }] });
    const index = new FieldIndex(recordFields);
    expect(recordFields.map((f) => f.id)).toEqual(["rec.head", "rec.u[1]", "rec.u[2]", "rec.u[3]", "rec.tail"]);
    recordFields.forEach((f, i) => expect(index.get(f.id), f.id).toBe(i));
    recordFields.forEach((f, i) => expect(index.at("rec", f.row.spec.id, f.row.listIndex, "value"), f.id).toBe(i));
    for (const id of ["rec.u[4]", "rec.u[0]", "rec.u[1].x", "rec.head[1]"]) expect(index.get(id), id).toBeUndefined();
  });

  it("still finds the right field when fields are not in layout order (the full map answers)", () => {
    const shuffled = [...fields].reverse();
    const index = new FieldIndex(shuffled);
    shuffled.forEach((f, i) => expect(index.get(f.id), f.id).toBe(i));
    shuffled.forEach((f, i) => expect(index.at(f.table.id, f.row.spec.id, f.row.listIndex, f.column?.id), f.id).toBe(i));
  });
});
