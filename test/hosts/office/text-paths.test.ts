import { fieldAddress, layOut, seed, setup } from "./helpers";

/** The strings Excel would turn into formulas, numbers or errors if written naively. */
const TRICKY = ["=1+1", "+86 0730", "-", "@SUM(A1)"];

function expectText(cell: { value: unknown; formula?: string }, text: string) {
  expect(cell.formula).toBeUndefined();
  expect(cell.value).toBe(text);
}

describe("officer strings are stored as text on every path the add-in writes", () => {
  it("template: unit names and prefilled header fields", async () => {
    const { wb, session } = setup();
    const units = TRICKY.map((name) => ({ name }));
    const preview = await session.previewTemplate({ lists: { units }, values: { "report.dept": "=1+1", "report.selfRef": "@SUM(A1)", "basics.contact": "-" } });
    expect((await session.applyTemplate(preview)).ok).toBe(true);
    TRICKY.forEach((name, i) => expectText(wb.cell(`收入!A${6 + i}`), name));
    TRICKY.forEach((name, i) => expectText(wb.cell(`支出和结余!A${7 + i}`), name));
    expectText(wb.cell(fieldAddress("report.dept", { units })), "=1+1");
    expectText(wb.cell(fieldAddress("report.selfRef", { units })), "@SUM(A1)");
    expectText(wb.cell(fieldAddress("basics.contact", { units })), "-");
    // And they come back as the names of the units.
    const report = await session.validate();
    expect(report.data.lists.units?.map((u) => u.name)).toEqual(TRICKY);
  });

  it("addUnit", async () => {
    const { wb, session } = setup();
    await layOut(session);
    for (const name of TRICKY) expect((await session.addUnit(name)).problems).toEqual([]);
    const names = (await session.validate()).data.lists.units?.map((u) => u.name);
    expect(names).toEqual(["局机关", "科技信息管理办公室", ...TRICKY]);
    TRICKY.forEach((name, i) => expectText(wb.cell(`收入!A${8 + i}`), name));
  });

  it("import writes: text fields, numeric fields and list names", async () => {
    const { wb, session } = setup();
    await layOut(session);
    for (const text of TRICKY) {
      const result = await session.writeValues({
        "basics.phone": text,
        "income.unit[1].carryover": text,
        "fiscalIncome.unit[1].#name": text,
        "otherBudgets.govFund": text,
      });
      expect(result.rejected).toEqual([]);
      expectText(wb.cell(fieldAddress("basics.phone")), text);
      expectText(wb.cell(fieldAddress("income.unit[1].carryover")), text);
      expectText(wb.cell(fieldAddress("fiscalIncome.unit[1].#name")), text);
      expectText(wb.cell(fieldAddress("otherBudgets.govFund")), text);
      // A numeric cell keeps its number format for the figure typed later.
      expect(wb.cell(fieldAddress("income.unit[1].carryover")).numberFormat).toBe("0.00");
    }
    // A phone number keeps its leading zero; a figure goes in as a number.
    await session.writeValues({ "basics.phone": "07308858935", "income.unit[1].carryover": "241.49" });
    expectText(wb.cell(fieldAddress("basics.phone")), "07308858935");
    expect(wb.cell(fieldAddress("income.unit[1].carryover")).value).toBe(241.49);
  });

  it("convert: only figures are converted; the tricky strings are left as the text they are", async () => {
    const { wb, session } = setup();
    await layOut(session);
    // Pasted as text (quote-prefixed), as a paste from another program often is.
    wb.userEdit("收入", "C6:G6", [["'1,234.50", "'=1+1", "'+86 0730", "'-", "'@SUM(A1)"]]);
    const report = await session.validate();
    expect(report.textNumbers.map((t) => [t.fieldId, t.asIs, t.fromYuan])).toEqual([["income.unit[1].carryover", "1234.5", "0.12345"]]);
    const result = await session.convertTextNumbers({ fieldIds: ["income.unit[1].carryover", "income.unit[1].fiscal", "income.unit[1].fund", "income.unit[1].nontax", "income.unit[1].other"], sourceUnit: "元" });
    expect(result.converted).toEqual([{ fieldId: "income.unit[1].carryover", address: "收入!C6", from: "1,234.50", to: "0.12345" }]);
    expect(result.skipped.map((s) => s.fieldId)).toEqual(["income.unit[1].fiscal", "income.unit[1].fund", "income.unit[1].nontax", "income.unit[1].other"]);
    expect(wb.cell("收入!C6").value).toBe(0.12345);
    ["=1+1", "+86 0730", "-", "@SUM(A1)"].forEach((text, i) => expectText(wb.cell(`收入!${"DEFG"[i]}6`), text));
  });

  it("convert keeps the figure as written when the text was already in 万元", async () => {
    const { wb, session } = setup();
    await layOut(session);
    wb.userEdit("收入", "C6", [["'241.49"]]);
    const result = await session.convertTextNumbers({ fieldIds: ["income.unit[1].carryover"], sourceUnit: "asIs" });
    expect(result.converted[0].to).toBe("241.49");
    expect(wb.cell("收入!C6")).toMatchObject({ value: 241.49, text: "241.49" });
    expect((await session.validate()).textNumbers).toEqual([]);
  });
});

void seed;
