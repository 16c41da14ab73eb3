import type { ContentConflict, LayoutProblem } from "../../src/hosts/office";
import { CONTENT_MAX, conflictLines, refusedForConflicts } from "../../src/taskpane/model/conflicts";

function moved(address: string, content: string, to: string): ContentConflict {
  return { kind: "moved", address, content, to, description: `${address} → ${to}` };
}

const foreign: LayoutProblem = { code: "foreignContent", message: "需要移动您的单元格", repairable: false };

describe("the conflict list the pane shows", () => {
  it("keeps each cell's address, content and destination, one line per cell in the host's order", () => {
    const lines = conflictLines([
      moved("收入!A12", "注：含上年结转", "收入!K12"),
      { kind: "formulaAsIs", address: "支出!H9", content: "=SUM(C9:C11)", to: "支出!L9", description: "" },
      moved("收入!A12", "注：含上年结转", "收入!K12"),
    ]);
    expect(lines.map((l) => [l.kind, l.from, l.content, l.to])).toEqual([
      ["moved", "收入!A12", "注：含上年结转", "收入!K12"],
      ["formulaAsIs", "支出!H9", "=SUM(C9:C11)", "支出!L9"],
    ]);
  });

  it("cuts a long note to one line, counting characters not UTF-16 units", () => {
    const note = "备注".repeat(CONTENT_MAX) + "\n第二行";
    const [line] = conflictLines([moved("收入!A12", note, "收入!K12")]);
    expect(Array.from(line.content)).toHaveLength(CONTENT_MAX);
    expect(line.content.endsWith("…")).toBe(true);
    expect(line.content).not.toContain("\n");
    const [short] = conflictLines([moved("收入!A12", " 𠀀注 \n 备 ", "收入!K12")]);
    expect(short.content).toBe("𠀀注 备");
  });

  it("is empty without conflicts", () => {
    expect(conflictLines(undefined)).toEqual([]);
    expect(conflictLines([])).toEqual([]);
  });
});

describe("whether a refusal can be confirmed", () => {
  const conflicts = [moved("收入!A12", "注", "收入!K12")];

  it("offers confirmation when the only blocking problem is the officer's cells", () => {
    expect(refusedForConflicts([foreign], conflicts)).toBe(true);
    const renamed: LayoutProblem = { code: "sheetRenamed", message: "改名", repairable: false };
    expect(refusedForConflicts([renamed, foreign], conflicts)).toBe(true);
  });

  it("does not when agreeing would not help or there is nothing to agree to", () => {
    const readOnly: LayoutProblem = { code: "readOnly", message: "只读", repairable: false };
    expect(refusedForConflicts([foreign, readOnly], conflicts)).toBe(false);
    expect(refusedForConflicts([foreign], [])).toBe(false);
    expect(refusedForConflicts([foreign], undefined)).toBe(false);
    expect(refusedForConflicts([], conflicts)).toBe(false);
  });
});
