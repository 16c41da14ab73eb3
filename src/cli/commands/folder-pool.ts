/**
 * A folder check spread over worker threads, each workbook read in a worker with its own heap
 * limit: a file that runs a worker out of memory, crashes it or never finishes costs that
 * worker (a fresh one takes its place) and becomes one line of the summary; every other file is
 * still checked. Files go to whichever worker is free, so the cores share the work whatever
 * each file costs.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { FormSpec } from "../../core/spec";
import type { FolderRow } from "./folder-row";
import type { FolderJob } from "./folder-worker";

export interface PoolOptions {
  /** Workers at once (default: the cores available). */
  jobs?: number;
  /** Heap limit of each worker. A filled template takes about 100 MB to read and check. */
  heapMb?: number;
  /** Time one file may take before its worker is stopped. */
  timeoutMs?: number;
}

export const DEFAULT_HEAP_MB = 1024;
export const DEFAULT_TIMEOUT_MS = 120_000;

export interface PoolResult {
  rows: FolderRow[];
  /** Each worker slot's largest heap, in MB (a slot whose worker was replaced counts all its workers). */
  peakHeapMb: number[];
  jobs: number;
}

type Outcome = { kind: "row"; row: FolderRow; heapMb: number } | { kind: "failed"; problem: string };

/**
 * The worker's script: compiled JavaScript beside this file (lib/, the installed command), or,
 * run from the TypeScript sources (tests, bench), the .ts file compiled on load by tsx.
 */
function startWorker(forms: FormSpec[], heapMb: number): Worker {
  const options = { workerData: { forms }, resourceLimits: { maxOldGenerationSizeMb: heapMb }, stdout: true, stderr: true };
  const compiled = join(__dirname, "folder-worker.js");
  let worker: Worker;
  if (existsSync(compiled)) worker = new Worker(compiled, options);
  else {
    const source = join(__dirname, "folder-worker.ts");
    const tsx = require.resolve("tsx/cjs");
    worker = new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(source)});`, { ...options, eval: true });
  }
  // What a library prints inside the worker is not the summary's: drained, not shown.
  worker.stdout.resume();
  worker.stderr.resume();
  return worker;
}

function checkIn(worker: Worker, job: FolderJob, heapMb: number, timeoutMs: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const done = (outcome: Outcome) => {
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      resolve(outcome);
    };
    const onMessage = (m: { index: number; row: FolderRow; heapMb: number }) => {
      if (m.index === job.index) done({ kind: "row", row: m.row, heapMb: m.heapMb });
    };
    const onError = (e: Error & { code?: string }) =>
      done({
        kind: "failed",
        problem: e.code === "ERR_WORKER_OUT_OF_MEMORY" ? `读取时超出内存上限（${heapMb} MB），已停止读取此文件` : `读取时出错，已停止读取此文件（${e.message}）`,
      });
    const onExit = (code: number) => done({ kind: "failed", problem: `读取时意外中止（退出码 ${code}）` });
    const timer = setTimeout(() => {
      void worker.terminate();
      done({ kind: "failed", problem: `${Math.round(timeoutMs / 1000)} 秒内未能读完，已停止读取此文件` });
    }, timeoutMs);
    worker.on("message", onMessage);
    worker.once("error", onError);
    worker.once("exit", onExit);
    worker.postMessage(job);
  });
}

/** Checks `files` of `dir` in isolated workers; rows come back in the order of `files`. */
export async function checkInWorkers(dir: string, files: string[], forms: FormSpec[], options: PoolOptions = {}): Promise<PoolResult> {
  const heapMb = options.heapMb ?? DEFAULT_HEAP_MB;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), files.length));
  const rows: FolderRow[] = new Array<FolderRow>(files.length);
  const peakHeapMb = new Array<number>(jobs).fill(0);
  let next = 0;
  const slot = async (s: number) => {
    let worker: Worker | undefined;
    while (next < files.length) {
      const index = next++;
      worker ??= startWorker(forms, heapMb);
      const outcome = await checkIn(worker, { index, dir, name: files[index] }, heapMb, timeoutMs);
      if (outcome.kind === "row") {
        rows[index] = outcome.row;
        peakHeapMb[s] = Math.max(peakHeapMb[s], outcome.heapMb);
      } else {
        rows[index] = { file: files[index], problem: outcome.problem };
        // A failed worker is gone or going; the next file gets a fresh one.
        void worker.terminate();
        worker = undefined;
      }
    }
    await worker?.terminate();
  };
  await Promise.all(Array.from({ length: jobs }, (_, s) => slot(s)));
  return { rows, peakHeapMb, jobs };
}
