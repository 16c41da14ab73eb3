/**
 * A worker process of a folder check: checks the files it is sent, one at a time, and answers
 * each with its summary row and the process's peak memory. Whatever a file does to this process
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

process.on("message", (message: WorkerMessage) => {
  if ("forms" in message) {
    forms = message.forms;
    return;
  }
  void checkOne(message.dir, message.name, forms).then((row) => {
    process.send?.({ index: message.index, row, peakRssMb: process.resourceUsage().maxRSS / 1024 });
  });
});
