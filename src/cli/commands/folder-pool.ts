/**
 * A folder check spread over worker processes, each with its own memory limit
 * (--max-old-space-size): a file that runs a worker out of memory, crashes it or never finishes
 * costs that worker (a fresh one takes its place) and becomes one line of the summary; every
 * other file is still checked. Files go to whichever worker is free, so the cores share the
 * work whatever each file costs. Processes, not worker threads: a thread's heap limit does not
 * hold for one large allocation (JSON.parse of a big file), which aborts the whole process.
 */
import { fork, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import type { FormSpec } from "../../core/spec";
import type { FolderRow } from "./folder-row";
import type { FolderJob } from "./folder-worker";

export interface PoolOptions {
  /** Workers at once (default: the cores available). */
  jobs?: number;
  /** Heap limit of each worker. Reading and checking a filled template takes well under 100 MB of heap. */
  heapMb?: number;
  /** Time one file may take before its worker is stopped. */
  timeoutMs?: number;
}

export const DEFAULT_HEAP_MB = 1024;
export const DEFAULT_TIMEOUT_MS = 120_000;

export interface PoolResult {
  rows: FolderRow[];
  /** Each worker slot's largest resident memory, in MB (a slot whose worker was replaced counts all its workers). */
  peakRssMb: number[];
  /** CPU time the workers spent, all together (their start-up included), in ms. */
  cpuMs: number;
  jobs: number;
}

type Outcome = { kind: "row"; row: FolderRow; peakRssMb: number; cpuMs: number } | { kind: "failed"; problem: string };

interface Worker {
  child: ChildProcess;
  /** The end of what the worker printed on stderr. */
  stderrTail: string;
  /**
   * V8 said "heap out of memory": remembered when printed, since the native stack trace after it
   * can be longer than the tail kept.
   */
  outOfMemory?: boolean;
}

/**
 * The worker's script: compiled JavaScript beside this file (lib/, the installed command), or,
 * run from the TypeScript sources (tests, bench), the .ts file compiled on load by tsx.
 */
function startWorker(forms: FormSpec[], heapMb: number): Worker {
  const compiled = join(__dirname, "folder-worker.js");
  const script = existsSync(compiled) ? compiled : join(__dirname, "folder-worker.ts");
  const execArgv = [`--max-old-space-size=${heapMb}`, ...(script === compiled ? [] : ["--require", require.resolve("tsx/cjs")])];
  const child = fork(script, [], { execArgv, stdio: ["ignore", "ignore", "pipe", "ipc"] });
  const worker: Worker = { child, stderrTail: "" };
  child.stderr?.on("data", (chunk: Buffer) => {
    const text = worker.stderrTail + chunk.toString("utf8");
    if (/heap out of memory/i.test(text)) worker.outOfMemory = true;
    worker.stderrTail = text.slice(-4096);
  });
  child.send({ forms });
  return worker;
}

function stop(worker: Worker): void {
  if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill("SIGKILL");
}

function checkIn(worker: Worker, job: FolderJob, heapMb: number, timeoutMs: number): Promise<Outcome> {
  const { child } = worker;
  return new Promise((resolve) => {
    const done = (outcome: Outcome) => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
      resolve(outcome);
    };
    const onMessage = (m: { index: number; row: FolderRow; peakRssMb: number; cpuMs: number }) => {
      if (m.index === job.index) done({ kind: "row", row: m.row, peakRssMb: m.peakRssMb, cpuMs: m.cpuMs });
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      // stderr may still be arriving when the process is reported gone.
      setImmediate(() =>
        done({
          kind: "failed",
          problem: worker.outOfMemory
            ? `读取时超出内存上限（${heapMb} MB），已停止读取此文件`
            : `读取时意外中止（${signal ?? `退出码 ${code}`}），已停止读取此文件`,
        }),
      );
    };
    const timer = setTimeout(() => {
      child.off("exit", onExit);
      stop(worker);
      done({ kind: "failed", problem: `${(timeoutMs / 1000).toLocaleString("en-US", { maximumFractionDigits: 3 })} 秒内未能读完，已停止读取此文件` });
    }, timeoutMs);
    child.on("message", onMessage);
    child.once("exit", onExit);
    child.send(job);
  });
}

/** Checks `files` of `dir` in isolated workers; rows come back in the order of `files`. */
export async function checkInWorkers(dir: string, files: string[], forms: FormSpec[], options: PoolOptions = {}): Promise<PoolResult> {
  const heapMb = options.heapMb ?? DEFAULT_HEAP_MB;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), files.length));
  const rows: FolderRow[] = new Array<FolderRow>(files.length);
  const peakRssMb = new Array<number>(jobs).fill(0);
  let next = 0;
  let cpuMs = 0;
  const slot = async (s: number) => {
    let worker: Worker | undefined;
    // A worker reports its CPU time so far; what the last report of each worker said is added up.
    let workerCpuMs = 0;
    try {
      while (next < files.length) {
        const index = next++;
        worker ??= startWorker(forms, heapMb);
        const outcome = await checkIn(worker, { index, dir, name: files[index] }, heapMb, timeoutMs);
        if (outcome.kind === "row") {
          rows[index] = outcome.row;
          peakRssMb[s] = Math.max(peakRssMb[s], outcome.peakRssMb);
          workerCpuMs = outcome.cpuMs;
        } else {
          cpuMs += workerCpuMs;
          workerCpuMs = 0;
          rows[index] = { file: files[index], problem: outcome.problem };
          // A failed worker is gone or stopped; the next file gets a fresh one.
          stop(worker);
          worker = undefined;
        }
      }
    } finally {
      cpuMs += workerCpuMs;
      if (worker) stop(worker);
    }
  };
  await Promise.all(Array.from({ length: jobs }, (_, s) => slot(s)));
  return { rows, peakRssMb, cpuMs, jobs };
}
