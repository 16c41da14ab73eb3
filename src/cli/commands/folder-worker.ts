/**
 * A worker process of a folder check: checks the files it is sent, one at a time, and answers
 * each with its summary row, the process's peak memory and the CPU time it has used so far. Whatever a file does to this process
 * (runs it out of memory, never finishes), the folder check goes on without it.
 */
import type { FormSpec } from "../../core/spec";
import { checkOne } from "./folder-row";

export interface FolderJob {
  index: number;
  dir: string;
  name: string;
}

export type WorkerMessage = { forms: FormSpec[] } | FolderJob;

let forms: FormSpec[] = [];
/** CPU time spent starting: loading the code, before the first file. */
let startupCpuMs = 0;
/** Files are read one at a time, in the order they came (a failure is then the first's). */
let queue: Promise<void> = Promise.resolve();

const cpuMsNow = () => {
  const cpu = process.cpuUsage();
  return (cpu.user + cpu.system) / 1000;
};

// The check that started this worker is gone (ended, or killed): so is the worker.
process.on("disconnect", () => process.exit(0));

process.on("message", (message: WorkerMessage) => {
  if ("forms" in message) {
    forms = message.forms;
    startupCpuMs = cpuMsNow();
    return;
  }
  queue = queue.then(async () => {
    const row = await checkOne(message.dir, message.name, forms);
    process.send?.({ index: message.index, row, peakRssMb: process.resourceUsage().maxRSS / 1024, cpuMs: cpuMsNow(), startupCpuMs });
  });
  // Whatever went wrong with one file (its answer could not be sent), the files after it are read:
  // the pool's time limit turns the unanswered one into its summary line.
  queue = queue.catch(() => undefined);
});
