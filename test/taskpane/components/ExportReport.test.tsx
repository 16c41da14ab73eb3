/** @jest-environment jsdom */
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import JSZip from "jszip";
import { outlinesOf } from "../../../src/core/plan/outline";
import { defaultForm } from "../../../src/core/spec";
import { NarrativeTab } from "../../../src/taskpane/tabs/NarrativeTab";
import { seedReportText } from "../../fixtures/report-text";
import { renderLive, seed, workbook } from "./harness";

/** A Blob's bytes (jsdom's Blob has no arrayBuffer()). */
function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

/** The text of a .docx body, paragraph by paragraph. */
async function paragraphsOf(blob: Blob): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(await bytesOf(blob))).file("word/document.xml")!.async("string");
  return [...xml.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""));
}

describe("导出报告（Word） in the 叙述 tab", () => {
  const saved: Blob[] = [];
  beforeAll(() => {
    Object.assign(URL, { createObjectURL: (blob: Blob) => (saved.push(blob), "blob:report"), revokeObjectURL: () => undefined });
    // jsdom does not navigate: a download link's click only needs to happen.
    jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
  });

  it("writes the report as a .docx blob with the chosen outline's headings, in order, and the officer's prose", async () => {
    const prose = seedReportText(2025);
    const env = await workbook({ ...seed, values: { ...seed.values, ...prose } });
    const user = userEvent.setup();
    renderLive(env.backend, (live, announce) => <NarrativeTab backend={env.backend} report={live.report} announce={announce} />);
    // The button itself is loaded apart from the start-up script.
    await user.click(await screen.findByRole("button", { name: "导出报告（Word）" }, { timeout: 15_000 }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/^已生成 .*\.docx（10 个部分）。$/), { timeout: 15_000 });
    expect(saved).toHaveLength(1);
    expect(saved[0].type).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const lines = await paragraphsOf(saved[0]);
    // The workbook's 报告格式 cell says 2025（湖南）: its ten headings, in order.
    const headings = outlinesOf(defaultForm).find((o) => o.id === "2025")!.sections.map((s) => s.heading);
    const at = headings.map((h) => lines.indexOf(h));
    expect(at.every((i) => i > 0), JSON.stringify(at)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    for (const line of String(prose["reportProse.management"]).split("\n")) expect(lines).toContain(line);
  }, 60_000);
});
