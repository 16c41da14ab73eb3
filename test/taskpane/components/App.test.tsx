/** @jest-environment jsdom */
import "../../support/dom";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../../src/taskpane/App";
import { PaneRoot } from "../../../src/taskpane/mount";
import { workbook } from "./harness";

describe("the pane's tabs", () => {
  it("follow the order of the work: 模板 → 导入 → 校验 → 叙述, arrow keys moving along it", async () => {
    const env = await workbook();
    const user = userEvent.setup();
    render(
      <PaneRoot>
        <App backend={env.backend} />
      </PaneRoot>,
    );
    const tabs = screen.getAllByRole("tab");
    expect(tabs.map((tab) => tab.id)).toEqual(["tab-template", "tab-import", "tab-checks", "tab-narrative"]);
    expect(tabs.map((tab) => tab.textContent!.replace(/\d.*$/, ""))).toEqual(["模板", "导入", "校验", "叙述"]);
    // 校验 still opens first: the officer arrives to see what is wrong.
    expect(screen.getByRole("tab", { selected: true }).id).toBe("tab-checks");

    tabs[0].focus();
    await user.keyboard("{Home}");
    await user.keyboard("{ArrowRight}");
    expect(screen.getByRole("tab", { selected: true }).id).toBe("tab-import");
    await user.keyboard("{ArrowRight}");
    expect(screen.getByRole("tab", { selected: true }).id).toBe("tab-checks");
    await user.keyboard("{End}");
    expect(screen.getByRole("tab", { selected: true }).id).toBe("tab-narrative");
  });
});
