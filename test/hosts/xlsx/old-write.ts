/**
 * The whole-workbook (ExcelJS) write that `import --apply` into an .xlsx used before it wrote
 * surgically, kept as the reference a surgical write is compared with.
 */
import { writeFileAtomically } from "../../../src/cli/atomic-write";
import { FORM_MARKER_NAME } from "../../../src/core/plan";
import { defaultForm, expandFields, type RawValue } from "../../../src/core/spec";
import { openWorkbookForEditing } from "../../../src/hosts/xlsx/open";
import { readReport, recogniseForm } from "../../../src/hosts/xlsx/report";
import { rewrittenWorkbookBytes, writeAt } from "../../../src/hosts/xlsx/update";
import { runCli } from "../../cli/run-cli";

/** The old route: every planned value written with ExcelJS, the workbook re-serialised whole. */
export async function writeTheOldWay(file: string, writes: Array<{ fieldId: string; value: RawValue }>): Promise<void> {
  const book = await openWorkbookForEditing(file, FORM_MARKER_NAME);
  const { addresses, data } = readReport(book, recogniseForm(book, [defaultForm]));
  const fields = new Map(expandFields(defaultForm, data.lists).map((f) => [f.id, f]));
  for (const w of writes) writeAt(book, addresses.get(w.fieldId)!, fields.get(w.fieldId), w.value);
  await writeFileAtomically(file, await rewrittenWorkbookBytes(book));
}

/** What `ziping check --json` finds in a workbook, without the file name. */
export const checked = async (file: string) => {
  const out = JSON.parse((await runCli(["check", file, "--json"])).stdout) as { findings: unknown; notes: unknown; summary: unknown };
  return { summary: out.summary, notes: out.notes, findings: out.findings };
};

