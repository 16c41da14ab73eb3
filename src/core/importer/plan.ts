import { defaultForm } from "../spec";
import { chooseTable, listLengths, refusedPlan } from "./choose";
import { readDelimited, type SourceGrid } from "./grid";
import { findLayout } from "./layout";
import { knownHeaderNames, tableModels } from "./model";
import { findPanels, planPanels } from "./panels";
import { Planner } from "./planner";
import type { ImportOptions, ImportPlan } from "./types";

/**
 * Reads an export (pasted text, CSV text, or a grid read from a sheet) and plans where each of
 * its cells goes. Pure and total: it never throws on content, and every non-empty cell of the
 * input ends up in exactly one of writes, totals, details, consumed or rejects.
 * Throws only for a bad option (an unknown table name).
 */
export function planImport(input: string | SourceGrid, options: ImportOptions = {}): ImportPlan {
  const form = options.form ?? defaultForm;
  const grid = typeof input === "string" ? readDelimited(input) : input;
  const models = tableModels(form);
  const layout = findLayout(grid, knownHeaderNames(form));
  const base = {
    form: form.id,
    delimiter: grid.delimiter,
    basis: listLengths(form, options.reference),
  };
  // A table named by the caller is the whole export's: panels are looked for only when inferring.
  const panels = options.table === undefined ? findPanels(grid, layout) : undefined;
  if (panels) return planPanels(grid, layout, panels, form, models, options, base);
  const chosen = chooseTable(grid, layout, models, options);
  if ("refusal" in chosen) return refusedPlan(grid, chosen.refusal, base);
  return new Planner(form, grid, layout, chosen.model, chosen.choice, options).plan(base);
}

