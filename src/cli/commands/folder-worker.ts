/**
 * A worker thread of a folder check: checks the files it is sent, one at a time, and answers
 * each with its summary row and the size of its heap. Whatever a file does to this worker (runs
 * it out of memory, never finishes), the folder check goes on without it.
 */
import { getHeapStatistics } from "node:v8";
import { parentPort, workerData } from "node:worker_threads";
import type { FormSpec } from "../../core/spec";
import { checkOne } from "./folder-row";

export interface FolderJob {
  index: number;
  dir: string;
  name: string;
}

const forms = (workerData as { forms: FormSpec[] }).forms;

parentPort?.on("message", (job: FolderJob) => {
  void checkOne(job.dir, job.name, forms).then((row) => {
    // The committed heap only grows towards the worker's peak: its size after a file is the peak so far.
    const heapMb = getHeapStatistics().total_heap_size / 2 ** 20;
    parentPort?.postMessage({ index: job.index, row, heapMb });
  });
});
