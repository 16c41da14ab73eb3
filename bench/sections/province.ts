/**
 * A province's reviewer: `ziping check DIR/` over 1,000 filled workbooks, one of them hostile (a
 * package missing its shared strings). Measured with one worker and with one per core, each run
 * in its own process: workbooks per second, how the cores scale it, and each worker's peak
 * memory after 100 and after 1,000 files (flat: a worker keeps nothing between files). The
 * workers' CPU time per workbook is reported beside wall time: on a machine whose cores are busy
 * with other work, wall-time scaling says more about the machine than about the check, while
 * the CPU a workbook costs per worker says whether spreading the work keeps per-core throughput.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { budget, row, type SectionResult } from "../report";

const WORKBOOKS = 1_000;

interface Run {
  files: number;
  jobs: number;
  ms: number;
  perSecond: number;
  cpuMsPerFile: number;
  checked: number;
  problems: string[];
  peakRssMb: number[];
}

const quiet = { stdout: () => undefined, stderr: (s: string) => process.stderr.write(`${s}\n`) };

/** 1,000 workbooks: the 2020 and 2025 seeds filled in by `ziping template --data`, copied in turn, and one hostile file. */
async function makeFolder(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), "ziping-province-"));
  const dir = join(root, "各部门");
  mkdirSync(dir);
  const fixtures = join(__dirname, "../../test/fixtures");
  const made: string[] = [];
  for (const year of [2020, 2025]) {
    const out = join(root, `${year}.xlsx`);
    if ((await main(["template", "--out", out, "--data", join(fixtures, `seed-${year}.json`)], quiet)) !== 0) throw new Error(`template ${year} failed`);
    made.push(out);
  }
  for (let i = 1; i < WORKBOOKS; i++) copyFileSync(made[i % made.length], join(dir, `部门${String(i).padStart(4, "0")}.xlsx`));
  const zip = await JSZip.loadAsync(readFileSync(made[0]));
  zip.remove("xl/sharedStrings.xml");
  writeFileSync(join(dir, "部门坏.xlsx"), await zip.generateAsync({ type: "nodebuffer" }));
  return root;
}

function measure(dir: string, jobs: number, files?: number): Run {
  const args = ["--import", "tsx", join(__dirname, "../province-run.ts"), dir, String(jobs), ...(files ? [String(files)] : [])];
  const out = execFileSync(process.execPath, args, { cwd: join(__dirname, "../.."), maxBuffer: 1 << 24 });
  return JSON.parse(out.toString()) as Run;
}

const mb = (values: number[]) => Math.max(...values);

export async function provinceSection(): Promise<SectionResult> {
  const root = await makeFolder();
  const dir = join(root, "各部门");
  const cores = availableParallelism();
  try {
    const first100 = measure(dir, 1, 100);
    const one = measure(dir, 1);
    const all = measure(dir, cores);
    const ratio = all.perSecond / one.perSecond;
    const wanted = 0.75 * cores;
    const summaryOk = (r: Run) => r.checked === WORKBOOKS - 1 && r.problems.length === 1 && r.problems[0].startsWith("部门坏.xlsx: 文件已损坏");
    return {
      rows: [
        row("province", `check DIR/ of ${WORKBOOKS} workbooks, 1 worker`, one.perSecond, "workbooks/s", `${(one.ms / 1000).toFixed(1)} s; ${one.checked} checked, ${one.problems.length} unusable`),
        row("province", `check DIR/ of ${WORKBOOKS} workbooks, ${all.jobs} workers (one per core)`, all.perSecond, "workbooks/s", `${(all.ms / 1000).toFixed(1)} s; ${(all.perSecond / all.jobs).toFixed(1)} per core`),
        row("province", `scaling: ${all.jobs} workers ÷ 1 worker`, ratio, "×"),
        row("province", "CPU per workbook, 1 worker (worker start-up included)", one.cpuMsPerFile, "ms", `${(1000 / one.cpuMsPerFile).toFixed(1)} workbooks per CPU-second`),
        row("province", `CPU per workbook, ${all.jobs} workers`, all.cpuMsPerFile, "ms", `${(1000 / all.cpuMsPerFile).toFixed(1)} workbooks per CPU-second`),
        row("province", "peak RSS of a worker after 100 workbooks", mb(first100.peakRssMb), "MB"),
        row("province", `peak RSS of a worker after ${WORKBOOKS} workbooks (1 worker)`, mb(one.peakRssMb), "MB"),
        row("province", `peak RSS of a worker after ${WORKBOOKS} workbooks (${all.jobs} workers)`, mb(all.peakRssMb), "MB", all.peakRssMb.map((m) => m.toFixed(0)).join(", ")),
      ],
      budgets: [
        budget(
          `check DIR/ with one worker per core ≥ ${wanted.toFixed(2)} × one worker (0.75 × ${cores} cores)`,
          ratio >= wanted,
          `${all.perSecond.toFixed(1)} vs ${one.perSecond.toFixed(1)} workbooks/s = ${ratio.toFixed(2)}×`,
        ),
        budget(
          `per-core throughput kept: CPU per workbook with ${all.jobs} workers ≤ 1.25 × with 1 worker`,
          all.cpuMsPerFile <= 1.25 * one.cpuMsPerFile,
          `${all.cpuMsPerFile.toFixed(1)} ms vs ${one.cpuMsPerFile.toFixed(1)} ms`,
        ),
        budget(
          "a worker's peak memory flat: after 1,000 workbooks ≤ 1.25 × after 100",
          mb(one.peakRssMb) <= 1.25 * mb(first100.peakRssMb),
          `${mb(one.peakRssMb).toFixed(0)} MB vs ${mb(first100.peakRssMb).toFixed(0)} MB`,
        ),
        budget(
          `the summary has ${WORKBOOKS - 1} checked workbooks and one line for the hostile file, in both runs`,
          summaryOk(one) && summaryOk(all),
          `1 worker: ${one.checked} + ${one.problems.length}; ${all.jobs} workers: ${all.checked} + ${all.problems.length}`,
        ),
      ],
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
