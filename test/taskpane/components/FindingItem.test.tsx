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
  it.each([
    ["an error", findings.find((f) => f.severity === "error")!, "错误"],
    ["an overspend", findings.find((f) => f.kind === "overspend")!, "超支"],
  ])("shows %s as the core wrote it: badge, cell, message and figures", (_, finding, badge) => {
    expect(finding, "the 2020 report has one").toBeDefined();
    render(
      <PaneRoot>
        <FindingItem finding={finding} onSelect={() => undefined} />
      </PaneRoot>,
    );
    const button = screen.getByRole("button");
    expect(button.textContent).toContain(badge);
    expect(button.textContent).toContain(finding.cell);
    expect(button.textContent).toContain(finding.message);
    for (const [term, value] of [["应为", finding.expected], ["实为", finding.actual], ["差额", finding.difference]] as const) {
      if (value !== undefined) expect(button.textContent).toContain(`${term}${value}`);
      else expect(button.textContent).not.toContain(term);
    }
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
