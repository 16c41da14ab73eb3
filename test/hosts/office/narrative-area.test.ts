/** The 报告综述 area through the session: one read sync to read, one read and one write sync to write. */
import { NARRATIVE_NAME } from "../../../src/core/plan/names";
import { layOut, setup } from "./helpers";

function syncsOf(stats: { readSyncs: number; writeSyncs: number }, before: { readSyncs: number; writeSyncs: number }) {
  return { read: stats.readSyncs - before.readSyncs, write: stats.writeSyncs - before.writeSyncs };
}

/** The sheet and first row of a defined name's formula, e.g. =报告综述!$A$4:$A$63. */
function area(formula: string): { sheet: string; top: number } {
  const m = /^=?'?(.+?)'?!\$?[A-Z]+\$?(\d+)/.exec(formula);
  if (!m) throw new Error(`not a range: ${formula}`);
  return { sheet: m[1], top: Number(m[2]) };
}

describe("readNarrative / writeNarrative", () => {
  it("reads the area in one sync, and nothing (still one sync) from a workbook without the template", async () => {
    const bare = setup();
    const before = { ...bare.wb.stats };
    expect(await bare.session.readNarrative()).toBeUndefined();
    expect(syncsOf(bare.wb.stats, before)).toEqual({ read: 1, write: 0 });

    const { wb, session } = setup();
    await layOut(session);
    const rows = wb.values(wb.nameFormula(NARRATIVE_NAME)!).length;
    const start = { ...wb.stats };
    const area = await session.readNarrative();
    expect(syncsOf(wb.stats, start)).toEqual({ read: 1, write: 0 });
    expect(area?.lines).toEqual(Array.from({ length: rows }, () => ""));
    expect(area?.address).toContain("报告综述");
  });

  it("writes one paragraph a row as text, clears what is left, and reads back what it wrote", async () => {
    const { wb, session } = setup();
    await layOut(session);
    const { sheet, top } = area(wb.nameFormula(NARRATIVE_NAME)!);
    wb.userEdit(sheet, `A${top + 3}`, [["旧的第四段"]]);

    // Paragraphs that look like a formula or a number stay text.
    const lines = ["人员情况", "=SUM(A1:A2)", "1299.70"];
    const before = { ...wb.stats };
    await session.writeNarrative(lines);
    expect(syncsOf(wb.stats, before)).toEqual({ read: 1, write: 1 });
    for (const [i, line] of lines.entries()) {
      const cell = wb.cell(`'${sheet}'!A${top + i}`);
      expect(cell.value).toBe(line);
      expect(cell.formula).toBeUndefined();
    }
    expect(wb.cell(`'${sheet}'!A${top + 3}`).text).toBe("");
    expect((await session.readNarrative())?.lines.filter(Boolean)).toEqual(lines);
  });

  it("writes on below the area rather than dropping paragraphs, in the same two syncs", async () => {
    const { wb, session } = setup();
    await layOut(session);
    const rows = wb.values(wb.nameFormula(NARRATIVE_NAME)!).length;
    const lines = Array.from({ length: rows + 3 }, (_, i) => `第${i + 1}段`);
    const before = { ...wb.stats };
    await session.writeNarrative(lines);
    expect(syncsOf(wb.stats, before)).toEqual({ read: 1, write: 1 });
    const { sheet, top } = area(wb.nameFormula(NARRATIVE_NAME)!);
    expect(wb.cell(`'${sheet}'!A${top + rows + 2}`).value).toBe(lines[rows + 2]);
  });

  it("says in Chinese what failed and what is safe when Excel refuses the write", async () => {
    const { wb, session } = setup();
    await layOut(session);
    wb.failNextSync({ onWrite: true, code: "AccessDenied" });
    await expect(session.writeNarrative(["一段"])).rejects.toThrow(/工作簿为只读，无法写入报告综述。请另存为可编辑的副本/);
  });
});
