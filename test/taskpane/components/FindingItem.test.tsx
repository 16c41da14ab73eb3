/** @jest-environment jsdom */
import "../../support/dom";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { checkReport } from "../../../src/core/check";
import { defaultForm } from "../../../src/core/spec";
import { FindingItem } from "../../../src/taskpane/components/FindingItem";
import { PaneRoot } from "../../../src/taskpane/mount";
import { seed } from "./harness";

const findings = checkReport(defaultForm, seed).findings;

describe("one finding", () => {
  function shown(finding: (typeof findings)[number]): string {
    render(
      <PaneRoot>
        <FindingItem finding={finding} onSelect={() => undefined} />
      </PaneRoot>,
    );
    return screen.getByRole("button").textContent ?? "";
  }

  it.each([
    ["an error", findings.find((f) => f.severity === "error")!, "错误"],
    ["an overspend", findings.find((f) => f.kind === "overspend")!, "超支"],
  ])("shows %s as the core wrote it: badge, cell and message", (_, finding, badge) => {
    expect(finding, "the 2020 report has one").toBeDefined();
    const text = shown(finding);
    expect(text).toContain(badge);
    expect(text).toContain(finding.cell);
    expect(text).toContain(finding.message);
  });

  it("shows 应为 / 实为 / 差额 for a total that does not add up (here the 2020 report's 尾差)", () => {
    const sum = findings.find((f) => (f.kind === "sum" || f.kind === "tail") && f.expected !== undefined && f.actual !== undefined)!;
    expect(sum, "the 2020 report has one").toBeDefined();
    const text = shown(sum);
    for (const [term, value] of [["应为", sum.expected], ["实为", sum.actual], ["差额", sum.difference]] as const) {
      if (value !== undefined) expect(text).toContain(`${term}${value}`);
    }
  });

  it("gives an overspend no 应为 / 实为 line: its message already says 预算, 决算 and 超支", () => {
    const overspend = findings.find((f) => f.kind === "overspend")!;
    expect(overspend.expected, "the core gives the budget as a figure").toBeDefined();
    const text = shown(overspend);
    expect(text).toContain(`预算${overspend.expected}`);
    for (const term of ["应为", "实为", "差额"]) expect(text).not.toContain(term);
  });

  it("does not guess which of two disagreeing cells is wrong: no 应为 / 实为, the difference only", () => {
    const same = findings.find((f) => f.kind === "same")!;
    expect(same, "the 2020 report has one (实有人数 39 against 40)").toBeDefined();
    const text = shown(same);
    expect(text).not.toContain("应为");
    expect(text).not.toContain("实为");
    expect(text).toContain(`差额${same.difference}`);
  });

  it("is reached with Tab and selects its cell on Enter, on Space and on a click", async () => {
    const finding = findings[0];
    const onSelect = jest.fn();
    const user = userEvent.setup();
    render(
      <PaneRoot>
        <FindingItem finding={finding} onSelect={onSelect} />
      </PaneRoot>,
    );
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button"));
    await user.keyboard("{Enter}");
    await user.keyboard(" ");
    await user.click(screen.getByRole("button"));
    expect(onSelect.mock.calls).toEqual([[finding.cell], [finding.cell], [finding.cell]]);
  });
});
