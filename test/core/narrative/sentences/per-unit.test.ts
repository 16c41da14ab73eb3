import { buildPerCapita, buildPerVehicle } from "../legacy/sentences/per-unit";
import type { MaybeBuilt } from "../../../../src/core/narrative";
import { context } from "../synthetic";

const textOf = (b: MaybeBuilt): string => {
  if (!b) throw new Error("null");
  if (!b.ok) throw new Error(`missing ${JSON.stringify(b.missing)}`);
  return b.sentence.text;
};

describe("per capita and per vehicle", () => {
  it("人均 with the chosen decimals, half up", () => {
    const ctx = context({ "sangong.reception.current": "1.90", "staff.actual": "39" }, { perCapitaDecimals: 2 });
    expect(textOf(buildPerCapita(ctx, "t", "公务接待费", "sangong.reception.current"))).toBe("公务接待费本年人均0.05万元");
  });

  it("no people or no vehicles: missing with reason zero, never Infinity", () => {
    const ctx = context({ "sangong.reception.current": "1.90", "staff.actual": "0", "sangong.vehicleOps.current": "1", "vehicles.inUse": "0" });
    expect(buildPerCapita(ctx, "t", "公务接待费", "sangong.reception.current")).toMatchObject({ ok: false, missing: [{ field: "staff.actual", reason: "zero" }] });
    expect(buildPerVehicle(ctx, "t", "公车运行维护费", "sangong.vehicleOps.current")).toMatchObject({ ok: false, missing: [{ field: "vehicles.inUse", reason: "zero" }] });
  });
});
