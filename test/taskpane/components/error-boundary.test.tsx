/** @jest-environment jsdom */
import "../../support/dom";
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { PaneRoot } from "../../../src/taskpane/mount";

function Boom({ when }: { when: boolean }) {
  if (when) throw new Error("无法读取 undefined 的属性");
  return <p>窗格正常</p>;
}

function Crashable() {
  const [crash, setCrash] = useState(false);
  return (
    <>
      <button onClick={() => setCrash(true)}>出错</button>
      <Boom when={crash} />
    </>
  );
}

describe("the pane root's error boundary", () => {
  beforeEach(() => jest.spyOn(console, "error").mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it("replaces a crashed pane by a Chinese message with what to do and a reload button that works from the keyboard", async () => {
    const reload = jest.fn();
    const user = userEvent.setup();
    render(
      <PaneRoot reload={reload}>
        <Crashable />
      </PaneRoot>,
    );
    expect(screen.getByText("窗格正常")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "出错" }));

    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("任务窗格出错");
    expect(alert.textContent).toContain("工作簿中的数据未受影响");
    expect(alert.textContent).toContain("请点“重新加载”");
    expect(alert.textContent).toContain("无法读取 undefined 的属性");
    expect(screen.queryByText("窗格正常")).toBeNull();

    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "重新加载" }));
    await user.keyboard("{Enter}");
    expect(reload).toHaveBeenCalledTimes(1);
  });
});

describe("a promise rejection nobody handled", () => {
  it("is shown in Chinese with what to do, and can be dismissed", async () => {
    const reload = jest.fn();
    const user = userEvent.setup();
    render(
      <PaneRoot reload={reload}>
        <p>窗格正常</p>
      </PaneRoot>,
    );
    expect(screen.queryByRole("alert")).toBeNull();
    act(() => {
      const event = new Event("unhandledrejection") as PromiseRejectionEvent;
      Object.assign(event, { reason: new Error("写入数据时 Excel 报错（错误代码 GeneralException）") });
      window.dispatchEvent(event);
    });
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("操作未完成");
    expect(alert.textContent).toContain("写入数据时 Excel 报错");
    expect(alert.textContent).toContain("数据未改动，请重试");
    // The pane itself stays.
    expect(screen.getByText("窗格正常")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "重新加载" }));
    expect(reload).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole("button", { name: "知道了" }));
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
