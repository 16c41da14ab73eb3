import { Dec } from "../../../src/core/money/decimal";
import { largestRemainderShares } from "../../../src/core/money/calc";
import { sum } from "../../../src/core/money/calc";
import { percentOf } from "./exact-oracle";

const d = (text: string) => new Dec(text);
const texts = (shares: Dec[] | null) => shares?.map((s) => s.toFixed());

describe("largestRemainderShares", () => {
  it("2020 budget: 507.32 and 14.76 of 522.08 are 97.17 and 2.83", () => {
    const shares = largestRemainderShares([d("507.32"), d("14.76")], 2);
    expect(texts(shares)).toEqual([percentOf("507.32", "522.08", 2), percentOf("14.76", "522.08", 2)]);
  });

  it("hands the missing unit to the largest remainder", () => {
    // 1/3 each: 33.33 + 33.33 + 33.33 = 99.99; the tie goes to the first.
    expect(texts(largestRemainderShares([d("1"), d("1"), d("1")], 2))).toEqual(["33.34", "33.33", "33.33"]);
    // 2/3 and 1/3 at 0 places: 66|.67 and 33|.33 -> the larger remainder gets the unit.
    expect(texts(largestRemainderShares([d("1"), d("2")], 0))).toEqual(["33", "67"]);
  });

  it("breaks an exact tie by index, not by rounding noise", () => {
    // 9.5 and 10.5 (of 20, places 0) have remainders exactly 0.5 each (as 47.5 and 52.5 percent).
    const shares = largestRemainderShares([d("9.5"), d("10.5")], 0);
    expect(texts(shares)).toEqual(["48", "52"]);
    // 1/30 and 10/30 -> 3.333…% and 33.333…%: equal remainders at 0 places, the first wins.
    const thirds = largestRemainderShares([d("1"), d("10"), d("19")], 0);
    expect(texts(thirds)).toEqual(["4", "33", "63"]);
    // 6.666…, 66.666…, 26.666…: rounded to 40 digits, 66.67 would show the larger
    // remainder (fewer digits after the point); exactly they tie, so the first two win.
    const twoThirds = largestRemainderShares([d("2"), d("20"), d("8")], 0);
    expect(texts(twoThirds)).toEqual(["7", "67", "26"]);
  });

  it("always adds up to exactly 100", () => {
    const shares = largestRemainderShares([d("1"), d("1"), d("1"), d("1"), d("1"), d("1"), d("1")], 2);
    expect(shares && sum(shares).toFixed()).toBe("100");
  });

  it("keeps zero parts at zero and a single part at 100", () => {
    expect(texts(largestRemainderShares([d("0"), d("5"), d("0")], 2))).toEqual(["0", "100", "0"]);
  });

  it("is null when the shares are undefined", () => {
    expect(largestRemainderShares([], 2)).toBeNull();
    expect(largestRemainderShares([d("0"), d("0")], 2)).toBeNull();
    expect(largestRemainderShares([d("5"), d("-1")], 2)).toBeNull();
    expect(largestRemainderShares([d("5"), new Dec(Number.NaN)], 2)).toBeNull();
  });

  it("refuses invalid places", () => {
    expect(() => largestRemainderShares([d("1")], -1)).toThrow(RangeError);
  });
});
