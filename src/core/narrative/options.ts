import type { Precision } from "./types";

export const DECREASE_WORDS = ["降低", "下降", "减少"] as const;
export const INCREASE_WORDS = ["增长", "增加", "上升"] as const;

export type DecreaseWord = (typeof DECREASE_WORDS)[number];
export type IncreaseWord = (typeof INCREASE_WORDS)[number];

/**
 * The officer's wording choices. The defaults reproduce the seeds' wording; every figure is
 * computed whatever the wording.
 */
export interface NarrativeOptions {
  /** 我局 / 我部门 / 我单位; overrides report.selfRef. */
  selfRef?: string;
  decreaseWord: DecreaseWord;
  increaseWord: IncreaseWord;
  precision: Precision;
  /** Round shares by largest remainder so they add up to exactly 100.00% (and say so). */
  sharesTo100: boolean;
  /** Add 预算执行率 (决算 ÷ 预算) sentences to the 预算执行 paragraph. */
  executionRate: boolean;
  /** Decimals of percentages (44.77%). */
  percentDecimals: number;
  /** Decimals of 人均 figures: the 2020 report prints 0.049万元. */
  perCapitaDecimals: number;
  /** Decimals of 每台 figures (0.06万元/台). */
  perItemDecimals: number;
  /**
   * Figures computed outside the form, for {=name} placeholders: the caller's (a scoring
   * table's indicators, src/core/score's narrativeFigures). Absent: such sentences are not written.
   */
  figures?: Record<string, GivenFigure>;
}

/** A figure a sentence states but the narrative does not compute, with the cells it came from. */
export interface GivenFigure {
  /** What it is, in the report's words: 「财政供养人员控制率」. */
  label: string;
  /** As the sentence prints it: "93.02%", "5". */
  shown: string;
  /** The exact value. */
  value: string;
  /** Field ids it is computed from. */
  inputs: string[];
}

export const DEFAULT_OPTIONS: NarrativeOptions = {
  decreaseWord: "降低",
  increaseWord: "增长",
  precision: "shown",
  sharesTo100: false,
  executionRate: false,
  percentDecimals: 2,
  perCapitaDecimals: 3,
  perItemDecimals: 2,
};

/** The self-reference used when neither the option nor report.selfRef gives one: neutral and never wrong. */
export const DEFAULT_SELF_REF = "我单位";

const MAX_DECIMALS = 6;

/** Fills in the defaults and rejects choices outside the wording set (a programming or input error). */
export function resolveOptions(partial: Partial<NarrativeOptions> = {}): NarrativeOptions {
  const options: NarrativeOptions = { ...DEFAULT_OPTIONS, ...dropUndefined(partial) };
  if (!(DECREASE_WORDS as readonly string[]).includes(options.decreaseWord)) {
    throw new RangeError(`减少的说法应为 ${DECREASE_WORDS.join("/")} 之一，而不是「${options.decreaseWord}」`);
  }
  if (!(INCREASE_WORDS as readonly string[]).includes(options.increaseWord)) {
    throw new RangeError(`增加的说法应为 ${INCREASE_WORDS.join("/")} 之一，而不是「${options.increaseWord}」`);
  }
  if (options.precision !== "shown" && options.precision !== "full") {
    throw new RangeError(`精度应为 shown 或 full，而不是「${String(options.precision)}」`);
  }
  for (const key of ["percentDecimals", "perCapitaDecimals", "perItemDecimals"] as const) {
    const n = options[key];
    if (!Number.isInteger(n) || n < 0 || n > MAX_DECIMALS) throw new RangeError(`${key} 应为 0–${MAX_DECIMALS} 的整数`);
  }
  return options;
}

function dropUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
