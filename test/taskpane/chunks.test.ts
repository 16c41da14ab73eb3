import { inChunks } from "../../src/taskpane/model/chunks";

describe("chunked work for large imports", () => {
  it("hands every item over once, in order, in slices of the given size, pausing between slices", async () => {
    const items = Array.from({ length: 103 }, (_, i) => i);
    const seen: number[][] = [];
    const progress: Array<[number, number]> = [];
    let pauses = 0;
    const done = await inChunks(items, async (chunk) => void seen.push(chunk), {
      size: 40,
      onProgress: (d, t) => progress.push([d, t]),
      pause: async () => void pauses++,
    });
    expect(done).toBe(103);
    expect(seen.map((c) => c.length)).toEqual([40, 40, 23]);
    expect(seen.flat()).toEqual(items);
    expect(progress).toEqual([[0, 103], [40, 103], [80, 103], [103, 103]]);
    expect(pauses).toBe(3);
  });

  it("lets the event loop run before each chunk (timers set before or during the work fire in between)", async () => {
    const order: string[] = [];
    setTimeout(() => order.push("timer 0"), 0);
    await inChunks([1, 2], async (chunk) => {
      order.push(`chunk ${chunk[0]}`);
      if (chunk[0] === 1) setTimeout(() => order.push("timer 1"), 0);
    }, { size: 1 });
    expect(order).toEqual(["timer 0", "chunk 1", "timer 1", "chunk 2"]);
  });

  it("stops between chunks when cancelled, and refuses a chunk size below 1", async () => {
    let calls = 0;
    const done = await inChunks([1, 2, 3], async () => void calls++, { size: 1, cancelled: () => calls >= 2, pause: async () => {} });
    expect(done).toBe(2);
    await expect(inChunks([1], async () => {}, { size: 0 })).rejects.toThrow(RangeError);
  });
});
