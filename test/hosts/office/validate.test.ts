import { createZiPingSession } from "../../../src/hosts/office";
import { layOut, seed, setup, typeReport } from "./helpers";

describe("a check names the cells where they are now", () => {
  it("after rows move, findings equal those of a fresh session (the locator kept across checks is renewed)", async () => {
    const { wb, session } = setup();
    await layOut(session);
    typeReport(wb, seed);
    wb.userEdit("收入", "C6", [["999"]]); // 局机关's row total no longer adds up
    const before = await session.validate();
    const failing = before.findings.find((f) => f.ruleId === "income.rowTotal[unit[1]]");
    expect(failing?.cell).toBe("收入!B6");
    // Two rows above the income table: every cell of it moves down two rows.
    wb.userInsertRows("收入", 1, 2);
    const after = await session.validate();
    expect(after.findings.find((f) => f.ruleId === "income.rowTotal[unit[1]]")?.cell).toBe("收入!B8");
    const fresh = await createZiPingSession(wb.run, { apiSupport: () => true }).validate();
    expect(after.findings).toEqual(fresh.findings);
    expect(after.findings.map((f) => f.cell)).not.toEqual(before.findings.map((f) => f.cell));
  });
});
