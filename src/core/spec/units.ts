/**
 * The units a form may use: a closed vocabulary, each with what it measures and, for money, its
 * size in 元 (so a figure converts exactly between 元, 万元 and 亿元). A form naming any other
 * unit is refused by validateForm, which names the unit and where it is.
 */
import { Dec } from "../money";
import type { Unit } from "./types";

export interface UnitDef {
  /** money, a count of people or things, points, a percentage, or text (blank). */
  measures: "money" | "count" | "score" | "percent" | "text";
  /** Money units: how many 元 one of it is. */
  yuan?: string;
}

export const UNITS: Record<Unit, UnitDef> = {
  元: { measures: "money", yuan: "1" },
  万元: { measures: "money", yuan: "10000" },
  亿元: { measures: "money", yuan: "100000000" },
  人: { measures: "count" },
  台: { measures: "count" },
  个: { measures: "count" },
  分: { measures: "score" },
  "%": { measures: "percent" },
  "": { measures: "text" },
};

export function isUnit(unit: unknown): unit is Unit {
  return typeof unit === "string" && Object.prototype.hasOwnProperty.call(UNITS, unit);
}

/** A money figure in another money unit, exactly: 1299.77 万元 -> 12997700 元. */
export function convertMoney(value: Dec, from: Unit, to: Unit): Dec {
  const a = UNITS[from].yuan;
  const b = UNITS[to].yuan;
  if (!a || !b) throw new RangeError(`「${from}」与「${to}」不是可互换的金额单位`);
  return value.times(a).div(b);
}

/** How the vocabulary reads in a message: 元、万元、…、空白. */
export const UNIT_NAMES = (Object.keys(UNITS) as Unit[]).map((u) => u || "空白").join("、");
