import type { FormSpec } from "../../spec/types";
import type { NarrativeContext } from "../context";
import type { Paragraph } from "../types";
import { assemble } from "./assemble";

/** The form's paragraphs in report order, as its narrative bindings declare them. */
export function paragraphsOf(form: FormSpec, ctx: NarrativeContext): Paragraph[] {
  return (form.narrative ?? []).map((p) => assemble(ctx, p));
}
