/**
 * The 报告正文 prose through the session: one read sync for every field asked, one read and one
 * write sync to save, and a cell the officer changed in the sheet since the pane read it is
 * never overwritten (the save lists it and writes nothing).
 */
import { fieldAddress, layOut, setup } from "./helpers";

const FIELDS = ["reportProse.management", "reportProse.problems", "reportCover.budgetCode", "reportSignoff.leader", "basics.duties"];

function syncsOf(stats: { readSyncs: number; writeSyncs: number }, before: { readSyncs: number; writeSyncs: number }) {
  return { read: stats.readSyncs - before.readSyncs, write: stats.writeSyncs - before.writeSyncs };
}

/** Sheet name and local A1 of a field's cell in the laid-out template. */
function cellOf(id: string): { sheet: string; local: string } {
  const m = /^'?(.+?)'?!(.+)$/.exec(fieldAddress(id))!;
  return { sheet: m[1], local: m[2] };
}

describe("readReportText / writeReportText", () => {
  it("reads every asked field, from several tables, in one sync, with its cell", async () => {
    const { wb, session } = setup();
    await layOut(session);
    const { sheet, local } = cellOf("reportProse.problems");
    wb.userEdit(sheet, local, [["一是预算编制不够细化。\n二是绩效目标不够具体。"]]);
    const before = { ...wb.stats };
    const read = await session.readReportText(FIELDS);
    expect(syncsOf(wb.stats, before)).toEqual({ read: 1, write: 0 });
    expect(Object.keys(read.values).sort()).toEqual([...FIELDS].sort());
    expect(read.values["reportProse.problems"]).toBe("一是预算编制不够细化。\n二是绩效目标不够具体。");
    expect(read.values["reportProse.management"]).toBe("");
    for (const id of FIELDS) expect(read.addresses[id].replace(/\$/g, "")).toBe(fieldAddress(id).replace(/\$/g, ""));
  });

  it("reads nothing (still one sync) from a workbook without the template", async () => {
    const { wb, session } = setup();
    const before = { ...wb.stats };
    expect(await session.readReportText(FIELDS)).toEqual({ values: {}, addresses: {} });
    expect(syncsOf(wb.stats, before)).toEqual({ read: 1, write: 0 });
  });

  it("saves every changed field as text in one read and one write sync", async () => {
    const { wb, session } = setup();
    await layOut(session);
    const read = await session.readReportText(FIELDS);
    const texts = { "reportProse.management": "=SUM(A1:A2)", "reportProse.problems": "1299.70", "reportCover.budgetCode": "406001", "basics.duties": "第一段\n第二段" };
    const before = { ...wb.stats };
    const result = await session.writeReportText(Object.entries(texts).map(([fieldId, value]) => ({ fieldId, value, was: read.values[fieldId] })));
    expect(syncsOf(wb.stats, before)).toEqual({ read: 1, write: 1 });
    expect(result.conflicts).toEqual([]);
    expect(result.written.sort()).toEqual(Object.keys(texts).sort());
    for (const [id, text] of Object.entries(texts)) {
      const cell = wb.cell(fieldAddress(id));
      expect(cell.value).toBe(text);
      expect(cell.formula).toBeUndefined();
    }
    expect((await session.readReportText(FIELDS)).values).toMatchObject(texts);
  });

  it("never overwrites a cell the officer changed in the sheet since the read: lists it, writes nothing, until asked again", async () => {
    const { wb, session } = setup();
    await layOut(session);
    const read = await session.readReportText(FIELDS);
    const { sheet, local } = cellOf("reportProse.problems");
    wb.userEdit(sheet, local, [["在工作表中写的问题"]]);
    const changes = [
      { fieldId: "reportProse.problems", value: "窗格中写的问题", was: read.values["reportProse.problems"] },
      { fieldId: "reportProse.management", value: "窗格中写的管理状况", was: read.values["reportProse.management"] },
    ];
    const before = { ...wb.stats };
    const refused = await session.writeReportText(changes);
    expect(syncsOf(wb.stats, before)).toEqual({ read: 1, write: 0 });
    expect(refused.written).toEqual([]);
    expect(refused.conflicts).toEqual([
      { fieldId: "reportProse.problems", address: expect.stringContaining("报告正文"), was: "", now: "在工作表中写的问题", value: "窗格中写的问题" },
    ]);
    expect(wb.cell(fieldAddress("reportProse.problems")).value).toBe("在工作表中写的问题");
    expect(wb.cell(fieldAddress("reportProse.management")).text).toBe("");

    // The officer saw the sheet's text and chose the pane's: saved with what was shown.
    const agreed = changes.map((c) => (c.fieldId === "reportProse.problems" ? { ...c, was: "在工作表中写的问题" } : c));
    const saved = await session.writeReportText(agreed);
    expect(saved.conflicts).toEqual([]);
    expect(wb.cell(fieldAddress("reportProse.problems")).value).toBe("窗格中写的问题");
    expect(wb.cell(fieldAddress("reportProse.management")).value).toBe("窗格中写的管理状况");
  });

  it("rejects a field the workbook has no cell for, with a Chinese reason", async () => {
    const { session } = setup();
    const result = await session.writeReportText([{ fieldId: "reportProse.problems", value: "文字", was: "" }]);
    expect(result.written).toEqual([]);
    expect(result.rejected[0]).toMatchObject({ fieldId: "reportProse.problems", reason: expect.stringMatching(/没有这一格/) });
  });
});
