/**
 * A date typed into a figure cell: Excel stores its serial (a plain number) with a date format.
 * The check reads the format in the same single read as the values and reports the cell, in
 * Chinese, instead of taking the serial as a figure.
 */
import type { ValidationReport } from "../../../src/hosts/office";
import { serialByCounting } from "../../support/excel-serial";
import { poll } from "../../support/poll";
import { fieldAddress, layOut, setup } from "./helpers";

const AMOUNT = "income.unit[1].carryover";
const COUNT = "staff.actual";

/** The template laid out, the cell of `fieldId` set back to General (the officer cleared its format), then `input` typed into it. */
async function typedInto(fieldId: string, input: string) {
  const { wb, session, timers } = setup();
  await layOut(session);
  wb.model.today = () => new Date(2020, 5, 1);
  const address = fieldAddress(fieldId);
  const [sheet, cell] = address.split("!");
  await wb.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(cell).numberFormat = [["General"]];
    await context.sync();
  });
  wb.userEdit(sheet, cell, [[input]]);
  return { wb, session, timers, address };
}

function findingsAt(report: ValidationReport, address: string) {
  return report.findings.filter((f) => f.cell === address);
}

describe("a date in a figure cell", () => {
  it.each([
    ["3-5", "3月5日"],
    ["3/5", "3月5日"],
    ["3月5日", "3月5日"],
    ["2020/3/5", "2020/3/5"],
    ["2020-03-05", "2020/3/5"],
    ["2020年3月5日", "2020年3月5日"],
  ])("%s is reported as a date in that cell, not taken as a figure", async (input, shown) => {
    const { wb, session, address } = await typedInto(AMOUNT, input);
    expect(address).toBe("收入!C6");
    // What Excel holds there: the serial of 5 March 2020, a plain number.
    expect(wb.cell(address).value).toBe(serialByCounting(2020, 3, 5));

    const report = await session.validate();
    const found = findingsAt(report, address);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: "invalid", severity: "error", fields: [AMOUNT], actual: shown });
    expect(found[0].message).toContain(`收入!C6 是日期（${shown}），不是金额`);
    expect(found[0].message).toContain("重新输入数字");
    // The serial is nowhere taken as a figure.
    expect(report.data.values[AMOUNT]).toBe(shown);
    expect(report.textNumbers).toEqual([]);
  });

  it("says 数字, not 金额, for a headcount", async () => {
    const { session, address } = await typedInto(COUNT, "3-5");
    const [found] = findingsAt(await session.validate(), address);
    expect(found.message).toContain(`${address} 是日期（3月5日），不是数字`);
  });

  it("leaves a plain number a number", async () => {
    const { session, address } = await typedInto(AMOUNT, "12.5");
    const report = await session.validate();
    expect(report.data.values[AMOUNT]).toBe("12.5");
    expect(findingsAt(report, address).filter((f) => f.kind === "invalid")).toEqual([]);
  });

  it("is caught by the live check, still in one read sync", async () => {
    const { wb, session, timers } = setup();
    await layOut(session);
    const seen: ValidationReport[] = [];
    await session.startLiveValidation((r) => seen.push(r));
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("收入").getRange("C6").numberFormat = [["General"]];
      await context.sync();
    });
    await wb.settle();
    timers.fire();
    await wb.settle();
    const before = { ...wb.stats };
    const reportsBefore = seen.length;
    wb.userEdit("收入", "C6", [["2020-03-05"]]);
    await wb.settle();
    timers.fire();
    await wb.settle();
    await poll(() => seen.length).toBeGreaterThan(reportsBefore);
    expect({ read: wb.stats.readSyncs - before.readSyncs, write: wb.stats.writeSyncs - before.writeSyncs }).toEqual({ read: 1, write: 0 });
    const latest = seen[seen.length - 1];
    expect(findingsAt(latest, "收入!C6")[0]?.message).toContain("收入!C6 是日期（2020/3/5），不是金额");
  });
});
