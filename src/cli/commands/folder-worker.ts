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

// The check that started this worker is gone (ended, or killed): so is the worker.
process.on("disconnect", () => process.exit(0));

process.on("message", (message: WorkerMessage) => {
  if ("forms" in message) {
    forms = message.forms;
    return;
  }
  void checkOne(message.dir, message.name, forms).then((row) => {
    const cpu = process.cpuUsage();
    process.send?.({ index: message.index, row, peakRssMb: process.resourceUsage().maxRSS / 1024, cpuMs: (cpu.user + cpu.system) / 1000 });
  });
});
