/**
 * Retries an assertion until it holds or the time runs out: the suite's replacement for vitest's
 * `expect.poll`, for values a browser page or a host settles on after an event. The last failure
 * is rethrown as it was, so the report shows the value actually seen.
 */
type PolledMatchers<T> = {
  [K in keyof jest.Matchers<void, T>]: jest.Matchers<void, T>[K] extends (...args: infer A) => unknown
    ? (...args: A) => Promise<void>
    : never;
};

export interface PollOptions {
  /** How long to keep trying, in ms (default 5 s, as vitest's poll). */
  timeout?: number;
  /** Pause between tries, in ms. */
  interval?: number;
}

export function poll<T>(read: () => T | Promise<T>, options: PollOptions = {}): PolledMatchers<T> {
  const timeout = options.timeout ?? 5_000;
  const interval = options.interval ?? 50;
  return new Proxy({} as PolledMatchers<T>, {
    get: (_target, matcher: string) =>
      async (...args: unknown[]) => {
        const deadline = Date.now() + timeout;
        for (;;) {
          try {
            const matchers = expect(await read()) as unknown as Record<string, (...a: unknown[]) => unknown>;
            matchers[matcher](...args);
            return;
          } catch (error) {
            if (Date.now() >= deadline) throw error;
            await new Promise((resolve) => setTimeout(resolve, interval));
          }
        }
      },
  });
}
