import { Dec } from "../../../src/core/money";
import { applyRule } from "../../../src/core/score/rule";

const apply = (rule: Parameters<typeof applyRule>[0], ratio: string, points = "5") =>
  applyRule(rule, new Dec(ratio), `${new Dec(ratio).times(100).toString()}%`, new Dec(points));

describe("scoring rules as data", () => {
  const over = (count: "whole" | "proportional") => ({ kind: "ceiling" as const, limit: "100%", per: "0.5", step: "1%", count });

  it("ceiling: full marks up to the limit, then per step over, never below 0", () => {
    expect(apply(over("whole"), "1").score.toString()).toBe("5");
    // 3.5 points over: 3 whole steps of 0.5, or 3.5 proportional ones.
    expect(apply(over("whole"), "1.035").score.toString()).toBe(new Dec(5).minus(new Dec(3).times("0.5")).toString());
    expect(apply(over("proportional"), "1.035").score.toString()).toBe(new Dec(5).minus(new Dec("3.5").times("0.5")).toString());
    const exhausted = apply(over("whole"), "1.5");
    expect(exhausted.score.toString()).toBe("0");
    expect(exhausted.explanation).toContain("扣完为止");
  });

  it("floor: full marks from the target, then per step short", () => {
    const rule = { kind: "floor" as const, target: "100%", per: "2", step: "5%", count: "whole" as const };
    // The 湖南 经信委 2015 self-evaluation: 92.8% scored 3 of 5.
    expect(apply(rule, "0.928").score.toString()).toBe("3");
    expect(apply(rule, "1.2").score.toString()).toBe("5");
  });

  it("bands: upTo and atLeast, the first band that holds the value", () => {
    const upTo = {
      kind: "bands" as const,
      compare: "upTo" as const,
      bands: [{ bound: "0", points: "3" }, { bound: "10%", points: "2" }, { bound: "20%", points: "1" }, { points: "0" }],
    };
    expect(["0", "0.1", "0.1001", "0.2", "0.9"].map((r) => apply(upTo, r, "3").score.toString())).toEqual(["3", "2", "1", "1", "0"]);
    expect(apply(upTo, "0.15", "3").explanation).toContain("高于 10%、不超过 20%");
    const atLeast = { kind: "bands" as const, compare: "atLeast" as const, bands: [{ bound: "90%", points: "5" }, { bound: "80%", points: "4" }, { points: "0" }] };
    expect(["0.95", "0.9", "0.85", "0.5"].map((r) => apply(atLeast, r).score.toString())).toEqual(["5", "5", "4", "0"]);
  });
});
