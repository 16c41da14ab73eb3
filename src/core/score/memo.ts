import type { CompiledForm } from "../check/compile";
import type { Finding } from "../check/finding";
import type { Locate } from "../check/evaluate";
import type { CellState, ReadValues } from "../check/values";
import type { ScoringTable } from "../spec/score-types";
import type { IndicatorResult } from "./types";
import type { QuantitativeRow } from "./quantitative";

/**
 * What the previous scoring pass read and gave, so a live pass redoes only the indicators whose
 * cells changed. readValues keeps the state object of every unchanged cell, so "unchanged" is
 * identity of states, as in the check's own rule memo. Kept per compiled form (one list shape)
 * and per table; a different locator (a workbook whose tables moved) starts afresh, since the
 * findings carry addresses.
 */
export interface ScoreMemo {
  /** Field positions each part reads, fixed for the list shape. */
  plan: { indicators: number[][]; rows: number[]; statements: number[] };
  locate?: Locate;
  indicators: Array<{ inputs: CellState[]; result: IndicatorResult } | undefined>;
  rows?: { inputs: CellState[]; rows: QuantitativeRow[]; findings: Finding[] };
  statements?: { inputs: CellState[]; rows: QuantitativeRow[]; findings: Finding[] };
}

const memos = new WeakMap<CompiledForm, WeakMap<ScoringTable, ScoreMemo>>();

export function memoFor(values: ReadValues, table: ScoringTable, locate: Locate, plan: () => ScoreMemo["plan"]): ScoreMemo {
  let byTable = memos.get(values.compiled);
  if (!byTable) memos.set(values.compiled, (byTable = new WeakMap()));
  let memo = byTable.get(table);
  if (!memo) byTable.set(table, (memo = { plan: plan(), indicators: [] }));
  if (memo.locate !== locate) {
    memo.locate = locate;
    memo.indicators = [];
    memo.rows = undefined;
    memo.statements = undefined;
  }
  return memo;
}

export function statesAt(values: ReadValues, ix: number[]): CellState[] {
  return ix.map((i) => values.states[i]);
}

export function unchanged(values: ReadValues, ix: number[], previous: CellState[] | undefined): boolean {
  return previous !== undefined && ix.every((i, k) => values.states[i] === previous[k]);
}

/** Positions of fields that exist in the form (a table may name fields a form lacks: their state is absent). */
export function positions(values: ReadValues, ids: string[]): number[] {
  return ids.flatMap((id) => {
    const at = values.compiled.indexOf.get(id);
    return at === undefined ? [] : [at];
  });
}
