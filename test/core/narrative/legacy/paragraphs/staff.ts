import type { NarrativeContext } from "../../../../../src/core/narrative/context";
import { buildAuthorized, buildInService, buildStaffGap } from "../sentences/staffing";
import type { Paragraph } from "../types";
import { assemble, required } from "./assemble";

/** 我局部门年初预算中，人员编制总计43人，…。至2020年12月31日，部门实际在职人员40人，…，实际人数比编制人数少3人。 */
export function staffParagraph(ctx: NarrativeContext): Paragraph {
  return assemble(ctx, "staff", "人员情况", [
    { joiner: "", clauses: [required("staff.authorized", () => buildAuthorized(ctx, "staff.authorized"))] },
    {
      joiner: "，",
      clauses: [
        required("staff.inService", () => buildInService(ctx, "staff.inService")),
        required("staff.gap", () => buildStaffGap(ctx, "staff.gap")),
      ],
    },
  ]);
}
