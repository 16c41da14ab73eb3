import { isMissing, type NarrativeContext, type Reading } from "../../../../../src/core/narrative/context";
import { computed, makeSentence, missing, whole } from "../../../../../src/core/narrative/sentence";
import type { Built, Fact } from "../types";
import { departmentSubject } from "./plan";

/**
 * The headcount the 2020 report compares with 编制: 实际在职人员 (43 − 40 = 3, "少3人"),
 * not the table's 实有人数 39, which would give 4.
 */
export const STAFF_COMPARED = "staff.inService";

/** "我局部门年初预算中，人员编制总计43人，其中行政编制25人，机关后勤服务事业编制1人，事业编制17人". */
export function buildAuthorized(ctx: NarrativeContext, id: string): Built {
  const needed = ctx.need(["staff.authorized"]);
  if (!needed.ok) return missing(needed.missing);
  const total = needed.get("staff.authorized");
  const self = ctx.selfRef();
  const facts: Fact[] = [self.fact, total.fact];
  const parts: string[] = [];
  for (const [fieldId, name] of [
    ["staff.authorizedAdmin", "行政编制"],
    ["staff.authorizedLogistics", "机关后勤服务事业编制"],
    ["staff.authorizedPublic", "事业编制"],
  ] as const) {
    if (!ctx.isFilled(fieldId)) continue;
    const r = ctx.read(fieldId);
    if (isMissing(r)) return missing([r]);
    facts.push(r.fact);
    parts.push(`${name}${whole(r.value)}人`);
  }
  const breakdown = parts.length ? `，其中${parts.join("，")}` : "";
  return makeSentence(ctx, id, `${departmentSubject(self.text)}年初预算中，人员编制总计${whole(total.value)}人${breakdown}`, facts);
}

/** "至2020年12月31日，部门实际在职人员40人，局本级实际在职人员27人". */
export function buildInService(ctx: NarrativeContext, id: string): Built {
  const year = ctx.year();
  const count = ctx.read(STAFF_COMPARED);
  const absent = [year, count].filter(isMissing);
  if (absent.length || isMissing(year) || isMissing(count)) return missing(absent);
  const facts: Fact[] = [year.fact, count.fact];
  let text = `至${year.fact.shown}年12月31日，部门实际在职人员${whole(count.value)}人`;
  if (ctx.isFilled("staff.inServiceHQ")) {
    const hq = ctx.read("staff.inServiceHQ");
    if (isMissing(hq)) return missing([hq]);
    facts.push(hq.fact);
    text += `，局本级实际在职人员${whole(hq.value)}人`;
  }
  return makeSentence(ctx, id, text, facts);
}

/** "实际人数比编制人数少3人" (编制 − 实际在职; 多 when over, 相同 when equal). */
export function buildStaffGap(ctx: NarrativeContext, id: string): Built {
  const needed = ctx.need(["staff.authorized", STAFF_COMPARED]);
  if (!needed.ok) return missing(needed.missing);
  const authorized: Reading = needed.get("staff.authorized");
  const actual: Reading = needed.get(STAFF_COMPARED);
  const gap = actual.value.minus(authorized.value);
  const text = gap.isZero()
    ? "实际人数与编制人数相同"
    : `实际人数比编制人数${gap.isNegative() ? "少" : "多"}${whole(gap.abs())}人`;
  const fact = computed("difference", "实际人数 − 编制人数", gap, whole(gap.abs()), [actual, authorized], "exact");
  return makeSentence(ctx, id, text, [authorized.fact, actual.fact, fact]);
}
