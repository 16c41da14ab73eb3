/**
 * Long work (a large import's writes) split into chunks with a pause for the browser between
 * them, so the pane keeps painting its progress bar and answering clicks while it runs.
 */

/** Lets the event loop run: pending input, rendering, timers. */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface ChunkOptions {
  size: number;
  onProgress?: (done: number, total: number) => void;
  /** Checked between chunks; returning true stops before the next chunk. */
  cancelled?: () => boolean;
  pause?: () => Promise<void>;
}

/** Runs `work` over consecutive slices of `items`; returns how many items were handed to it. */
export async function inChunks<T>(
  items: readonly T[],
  work: (chunk: T[]) => Promise<void>,
  { size, onProgress, cancelled, pause = yieldToBrowser }: ChunkOptions,
): Promise<number> {
  if (!(size >= 1)) throw new RangeError("chunk size must be at least 1");
  let done = 0;
  onProgress?.(0, items.length);
  while (done < items.length) {
    // Before each chunk, so the progress just reported is painted before the work goes on.
    await pause();
    if (cancelled?.()) break;
    const chunk = items.slice(done, done + size);
    await work(chunk);
    done += chunk.length;
    onProgress?.(done, items.length);
  }
  return done;
}
