/** Median wall time of a function over repeated runs, after warm-up (milliseconds). */
export function medianMs(fn: () => unknown, { runs = 21, warmup = 3, minTotalMs = 200 } = {}): number {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < runs || (performance.now() - started < minTotalMs && samples.length < 10_000)) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

export async function medianMsAsync(fn: () => Promise<unknown>, { runs = 11, warmup = 2 } = {}): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}
