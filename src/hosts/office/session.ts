import type { ExcelRun, SessionOptions, ZiPingSession } from "./index";

/** Implementation in progress; the API in index.ts is fixed. */
export function createZiPingSession<N = never>(run: ExcelRun, options: SessionOptions<N> = {}): ZiPingSession<N> {
  void run;
  void options;
  throw new Error("createZiPingSession: not implemented yet");
}
