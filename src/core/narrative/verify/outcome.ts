import type { NarrativeContext } from "../context";
import type { Qualifier } from "./gap";
import type { Verdict } from "./judge";
import type { Expectation } from "./measures";
import type { FigureToken, LabelMatcher, Span } from "./scan";
import type { Concept } from "./vocabulary";

/** A figure (or a direction word) tied to a label and compared with the tables. */
export interface Checked {
  kind: "checked";
  /** Where the quote starts (the label) and ends (the figure). */
  span: Span;
  subject: Concept;
  qualifier: Qualifier;
  figure?: FigureToken;
  expectation: Expectation;
  verdict: Verdict;
  /** The direction word used, and whether the sign agrees with it. */
  direction?: { word: string; agrees: boolean };
  /** A percentage written without %. */
  missingPercent?: boolean;
  /** The unit the amount should have had (its number matches in that unit). */
  wrongUnit?: string;
  /** "6.45万": 万 without 元. */
  wanWithoutYuan?: boolean;
  /** For a claim without a figure: the word that states it ("无"). */
  statedWord?: string;
}

/** A figure ZiPing could not tie to a label, or could tie but not check. */
export interface Unchecked {
  kind: "unchecked";
  span: Span;
  reason: string;
}

export type Outcome = Checked | Unchecked;

/** What a walk over a text reads with: this year's figures, the other year's, and the label matcher. */
export interface WalkContext {
  ctx: NarrativeContext;
  other: NarrativeContext;
  matcher: LabelMatcher;
}
