import type { NarrativeContext } from "../../../../../src/core/narrative/context";
import type { Paragraph } from "../types";
import { basicParagraph } from "./basic";
import { budgetParagraph } from "./budget";
import { executionParagraph } from "./execution";
import { functionalParagraph } from "./functional";
import { sangongParagraph } from "./sangong";
import { specialParagraph } from "./special";
import { staffParagraph } from "./staff";

/** The paragraphs in the order the report has them. */
export const PARAGRAPHS: Array<(ctx: NarrativeContext) => Paragraph> = [
  staffParagraph,
  budgetParagraph,
  executionParagraph,
  basicParagraph,
  sangongParagraph,
  specialParagraph,
  functionalParagraph,
];

export { SANGONG_ITEMS } from "./sangong";
