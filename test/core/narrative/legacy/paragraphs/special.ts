import type { NarrativeContext } from "../../../../../src/core/narrative/context";
import { buildSpecialInput, buildSpecialUse } from "../sentences/special";
import type { Paragraph } from "../types";
import { assemble, required } from "./assemble";

/** 专项资金: 预算投入 and 实际投入, then 追加, 使用 and the 结余 they leave. */
export function specialParagraph(ctx: NarrativeContext): Paragraph {
  return assemble(ctx, "special", "专项资金预算投入及使用情况", [
    { joiner: "", clauses: [required("special.input", () => buildSpecialInput(ctx, "special.input"))] },
    { joiner: "", clauses: [required("special.use", () => buildSpecialUse(ctx, "special.use"))] },
  ]);
}
