import { isMissing, type NarrativeContext } from "../../../../../src/core/narrative/context";
import { buildChange, buildNoneGroup, isNoneInBothYears, type ChangeItem } from "../sentences/change";
import { buildPerCapita, buildPerVehicle } from "../sentences/per-unit";
import { buildStatedAmount } from "../sentences/plan";
import { missing } from "../../../../../src/core/narrative/sentence";
import type { Paragraph } from "../types";
import { assemble, optional, required, type ClauseStep } from "./assemble";

/** The four 三公 rows in table order, named as the report's sentences name them. */
export const SANGONG_ITEMS: ChangeItem[] = [
  { key: "reception", name: "公务接待费", prior: "sangong.reception.prior", current: "sangong.reception.current" },
  { key: "vehicleOps", name: "公务用车运行维护费", prior: "sangong.vehicleOps.prior", current: "sangong.vehicleOps.current" },
  { key: "abroad", name: "因公出国费用", prior: "sangong.abroad.prior", current: "sangong.abroad.current" },
  { key: "vehiclePurchase", name: "公务用车购置费", prior: "sangong.vehiclePurchase.prior", current: "sangong.vehiclePurchase.current" },
];

/**
 * “三公经费”本年实际支出2.02万元。其中公务接待费实际支出1.90万元，比上年降低44.77%；…；
 * 2020年度无因公出国费用和公务用车购置费。公务接待费本年人均0.049万元；本年在使用公车2台，
 * 公车运行维护费平均每台0.06万元/台。与上年比较，公务接待费比上年降低44.77%，…。
 */
export function sangongParagraph(ctx: NarrativeContext): Paragraph {
  const none = SANGONG_ITEMS.filter((item) => isNoneInBothYears(ctx, item));
  const spent = SANGONG_ITEMS.filter((item) => !none.includes(item));
  const changes: ClauseStep[] = spent.map((item) =>
    required(`sangong.change.${item.key}`, () => buildChange(ctx, `sangong.change.${item.key}`, item, true)),
  );
  if (none.length) {
    changes.push(
      // The memo key names the grouped rows (the fix made with the spec-driven engine), so the
      // oracle is never served a stale group after a row joins it.
      required(`sangong.none:${none.map((item) => item.key).join(",")}`, () => {
        const year = ctx.year();
        return isMissing(year) ? missing([year]) : buildNoneGroup(ctx, "sangong.none", none, year);
      }),
    );
  }
  // The 与上年比较 sentence compares rows that had spending last year; others have no percentage.
  const compared = spent.filter((item) => {
    const prior = ctx.read(item.prior);
    return !isMissing(prior) && prior.value.gt(0);
  });
  return assemble(ctx, "sangong", "“三公经费”支出使用和管理情况", [
    { joiner: "", clauses: [required("sangong.total", () => buildStatedAmount(ctx, "sangong.total", "sangong.total.current", "“三公经费”本年实际支出"))] },
    { prefix: "其中", joiner: "；", clauses: changes },
    {
      joiner: "；",
      clauses: [
        optional("sangong.perCapita.reception", () => buildPerCapita(ctx, "sangong.perCapita.reception", "公务接待费", "sangong.reception.current")),
        optional("sangong.perItem.vehicleOps", () => buildPerVehicle(ctx, "sangong.perItem.vehicleOps", "公车运行维护费", "sangong.vehicleOps.current")),
      ],
    },
    {
      prefix: "与上年比较，",
      joiner: "，",
      clauses: compared.map((item) => optional(`sangong.compare.${item.key}`, () => buildChange(ctx, `sangong.compare.${item.key}`, item, false))),
    },
  ]);
}
