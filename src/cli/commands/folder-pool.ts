/**
 * A folder check spread over worker processes, each with its own memory limit
 * (--max-old-space-size): a file that runs a worker out of memory, crashes it or never finishes
 * costs that worker (a fresh one takes its place) and becomes one line of the summary; every
 * other file is still checked. Files go to whichever worker is free, so the cores share the
 * work whatever each file costs; each worker is sent its next file before it finishes the one
 * it reads, so it never waits for this process. Processes, not worker threads: a thread's heap limit does not
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
  /** Of cpuMs, what the workers spent starting (loading the code) before their first file. */
  startupCpuMs: number;
  jobs: number;
}

/** What a worker answers for each file. */
interface WorkerReport {
  index: number;
  row: FolderRow;
  peakRssMb: number;
  /** CPU time the worker has used so far, and what of it went into starting. */
  cpuMs: number;
  startupCpuMs: number;
}

type Outcome = { kind: "row"; report: WorkerReport } | { kind: "failed"; problem: string };

/**
 * Files sent to a worker before it has answered the one it is reading: it starts the next file
 * the moment it finishes one, instead of waiting for this process to be scheduled and answer.
 * (The worker reads them one at a time, in order; a worker that fails fails on the first.)
 */
const IN_FLIGHT = 2;

interface Worker {
  child: ChildProcess;
  /** The end of what the worker printed on stderr. */
  stderrTail: string;
  /** Answers that arrived before they were waited for, by file index. */
  reports: Map<number, WorkerReport>;
  /** Called when an answer arrives or the worker exits. */
  wake?: () => void;
  exit?: { code: number | null; signal: NodeJS.Signals | null };
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
  const worker: Worker = { child, stderrTail: "", reports: new Map() };
  child.stderr?.on("data", (chunk: Buffer) => {
    const text = worker.stderrTail + chunk.toString("utf8");
    if (/heap out of memory/i.test(text)) worker.outOfMemory = true;
    worker.stderrTail = text.slice(-4096);
  });
  // Several answers can arrive in one read of the channel: each is kept until it is waited for.
  child.on("message", (m: WorkerReport) => {
    worker.reports.set(m.index, m);
    worker.wake?.();
  });
  child.once("exit", (code, signal) => {
    // stderr may still be arriving when the process is reported gone.
    setImmediate(() => {
      worker.exit = { code, signal };
      worker.wake?.();
    });
  });
  child.send({ forms });
  return worker;
}

function stop(worker: Worker): void {
  if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill("SIGKILL");
}

/** Waits for the worker's answer on file `index` (the one it is reading), its exit, or the time limit. */
function answer(worker: Worker, index: number, heapMb: number, timeoutMs: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const settle = (outcome: Outcome) => {
      clearTimeout(timer);
      worker.wake = undefined;
      resolve(outcome);
    };
    const check = () => {
      const report = worker.reports.get(index);
      if (report) {
        worker.reports.delete(index);
        settle({ kind: "row", report });
      } else if (worker.exit) {
        const { code, signal } = worker.exit;
        settle({
          kind: "failed",
          problem: worker.outOfMemory
            ? `读取时超出内存上限（${heapMb} MB），已停止读取此文件`
            : `读取时意外中止（${signal ?? `退出码 ${code}`}），已停止读取此文件`,
        });
      }
    };
    const timer = setTimeout(() => {
      stop(worker);
      settle({ kind: "failed", problem: `${(timeoutMs / 1000).toLocaleString("en-US", { maximumFractionDigits: 3 })} 秒内未能读完，已停止读取此文件` });
    }, timeoutMs);
    worker.wake = check;
    check();
  });
}

/** Checks `files` of `dir` in isolated workers; rows come back in the order of `files`. */
export async function checkInWorkers(dir: string, files: string[], forms: FormSpec[], options: PoolOptions = {}): Promise<PoolResult> {
  const heapMb = options.heapMb ?? DEFAULT_HEAP_MB;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), files.length));
  const rows: FolderRow[] = new Array<FolderRow>(files.length);
  const peakRssMb = new Array<number>(jobs).fill(0);
  // Files not yet sent to a worker, in order; those a failed worker had been sent come back to the front.
  const waiting = files.map((_, i) => i);
  let cpuMs = 0;
  let startupCpuMs = 0;
  const slot = async (s: number) => {
    let worker: Worker | undefined;
    const sent: number[] = [];
    // A worker reports its CPU time so far; what the last report of each worker said is added up.
    let last: WorkerReport | undefined;
    const retire = () => {
      cpuMs += last?.cpuMs ?? 0;
      startupCpuMs += last?.startupCpuMs ?? 0;
      last = undefined;
      if (worker) stop(worker);
      worker = undefined;
    };
    try {
      while (sent.length || waiting.length) {
        worker ??= startWorker(forms, heapMb);
        while (sent.length < IN_FLIGHT && waiting.length) {
          const index = waiting.shift()!;
          sent.push(index);
          worker.child.send({ index, dir, name: files[index] } satisfies FolderJob);
        }
        const index = sent.shift()!;
        const outcome = await answer(worker, index, heapMb, timeoutMs);
        if (outcome.kind === "row") {
          rows[index] = outcome.report.row;
          peakRssMb[s] = Math.max(peakRssMb[s], outcome.report.peakRssMb);
          last = outcome.report;
        } else {
          rows[index] = { file: files[index], problem: outcome.problem };
          // A failed worker is gone or stopped; the files it had not started go to a fresh one.
          waiting.unshift(...sent.splice(0));
          retire();
        }
      }
    } finally {
      retire();
    }
  };
  await Promise.all(Array.from({ length: jobs }, (_, s) => slot(s)));
  return { rows, peakRssMb, cpuMs, startupCpuMs, jobs };
}
