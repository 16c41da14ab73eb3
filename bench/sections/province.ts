/**
 * A province's reviewer: `ziping check DIR/` over 1,000 filled workbooks, one of them hostile (a
 * package missing its shared strings). Measured with one worker and with one per core, each run
 * in its own process: workbooks per second, how the cores scale it, and each worker's peak
 * memory after 100 and after 1,000 files (flat: a worker keeps nothing between files). The
 * workers' CPU time per workbook is reported beside wall time: on a machine whose cores are busy
 * with other work, wall-time scaling says more about the machine than about the check, while
 * the CPU a workbook costs per worker says whether spreading the work keeps per-core throughput.
 *
 * The machine is shared and noisy, so the figures are also stated against a reference measured
 * in the same run: the CPU a workbook cost when `check` read it through ExcelJS, measured in one
 * process file by file in turn with today's reading (province-reference.ts).
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
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
  steadyCpuMsPerFile: number;
  startupCpuMs: number;
  parentCpuMsPerFile: number;
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

interface Reference {
  files: number;
  packageCpuMs: number;
  excelJsCpuMs: number;
}

function reference(dir: string, files: number): Reference {
  const args = ["--import", "tsx", join(__dirname, "../province-reference.ts"), dir, String(files)];
  return JSON.parse(execFileSync(process.execPath, args, { cwd: join(__dirname, "../.."), maxBuffer: 1 << 20 }).toString()) as Reference;
}

const mb = (values: number[]) => Math.max(...values);
/** Workbooks one core checks in a second of its time. */
const perCpuSecond = (cpuMsPerFile: number) => 1000 / cpuMsPerFile;
/** The per-core throughput. */
const PER_CORE = 35;

export async function provinceSection(): Promise<SectionResult> {
  const root = await makeFolder();
  const dir = join(root, "各部门");
  const cores = availableParallelism();
  try {
    const first100 = measure(dir, 1, 100);
    const one = measure(dir, 1);
    const all = measure(dir, cores);
    const ref = reference(dir, 200);
    const ratio = all.perSecond / one.perSecond;
    const wanted = 0.75 * cores;
    const summaryOk = (r: Run) => r.checked === WORKBOOKS - 1 && r.problems.length === 1 && r.problems[0].startsWith("部门坏.xlsx: 文件已损坏");
    const perCore = (r: Run) => perCpuSecond(r.cpuMsPerFile);
    // On a shared machine the wall-time ratio says how much CPU the others left; this says it directly.
    const got = (r: Run) => (r.cpuMsPerFile * r.files) / r.ms;
    return {
      rows: [
        row("province", `check DIR/ of ${WORKBOOKS} workbooks, 1 worker`, one.perSecond, "workbooks/s", `${(one.ms / 1000).toFixed(1)} s; ${one.checked} checked, ${one.problems.length} unusable`),
        row("province", `check DIR/ of ${WORKBOOKS} workbooks, ${all.jobs} workers (one per core)`, all.perSecond, "workbooks/s", `${(all.ms / 1000).toFixed(1)} s; ${(all.perSecond / all.jobs).toFixed(1)} per core`),
        row("province", `scaling (wall): ${all.jobs} workers ÷ 1 worker`, ratio, "×", "the machine's other load decides this one"),
        row("province", "cores the workers got (their CPU ÷ wall time), 1 worker", got(one), "cores"),
        row("province", `cores the workers got, ${all.jobs} workers`, got(all), "cores", `of ${cores}; load ${loadavg()[0].toFixed(1)}`),
        row("province", "CPU per workbook, 1 worker (its start-up included)", one.cpuMsPerFile, "ms", `${perCore(one).toFixed(1)} workbooks per CPU-second`),
        row("province", `CPU per workbook, ${all.jobs} workers (their start-up included)`, all.cpuMsPerFile, "ms", `${perCore(all).toFixed(1)} workbooks per CPU-second`),
        row("province", "CPU per workbook after start-up: 1 worker", one.steadyCpuMsPerFile, "ms", `${perCpuSecond(one.steadyCpuMsPerFile).toFixed(1)} workbooks per CPU-second`),
        row("province", `CPU per workbook after start-up: ${all.jobs} workers`, all.steadyCpuMsPerFile, "ms", `${perCpuSecond(all.steadyCpuMsPerFile).toFixed(1)} workbooks per CPU-second`),
        row("province", `per-core cost: ${all.jobs} workers ÷ 1 worker (CPU per workbook)`, all.cpuMsPerFile / one.cpuMsPerFile, "×", "1.00 = spreading the work costs nothing per core"),
        row("province", "a worker's start-up (loading the code, run from TypeScript here)", one.startupCpuMs, "ms CPU"),
        row("province", "the main process per workbook (listing, dispatching, collecting)", one.parentCpuMsPerFile, "ms CPU", `${all.parentCpuMsPerFile.toFixed(2)} ms with ${all.jobs} workers`),
        row("province", `reference, same run: CPU per workbook read through ExcelJS (as before), ${ref.files} files`, ref.excelJsCpuMs, "ms", `${perCpuSecond(ref.excelJsCpuMs).toFixed(1)} workbooks per CPU-second`),
        row("province", "same files, same process, read from the package (as now)", ref.packageCpuMs, "ms", `${perCpuSecond(ref.packageCpuMs).toFixed(1)} workbooks per CPU-second`),
        row("province", "per-core throughput now ÷ reference (ExcelJS reading)", ref.excelJsCpuMs / ref.packageCpuMs, "×"),
        row("province", "peak RSS of a worker after 100 workbooks", mb(first100.peakRssMb), "MB"),
        row("province", `peak RSS of a worker after ${WORKBOOKS} workbooks (1 worker)`, mb(one.peakRssMb), "MB"),
        row("province", `peak RSS of a worker after ${WORKBOOKS} workbooks (${all.jobs} workers)`, mb(all.peakRssMb), "MB", all.peakRssMb.map((m) => m.toFixed(0)).join(", ")),
      ],
      budgets: [
        budget(
          `≥ ${PER_CORE} workbooks per core: per CPU-second of the workers, start-up included, with 1 and with ${all.jobs} workers`,
          perCore(one) >= PER_CORE && perCore(all) >= PER_CORE,
          `${perCore(one).toFixed(1)} and ${perCore(all).toFixed(1)} workbooks per CPU-second`,
        ),
        budget(
          `check DIR/ with one worker per core ≥ ${wanted.toFixed(2)} × one worker (0.75 × ${cores} cores, wall time)`,
          ratio >= wanted,
          `${all.perSecond.toFixed(1)} vs ${one.perSecond.toFixed(1)} workbooks/s = ${ratio.toFixed(2)}×; the workers got ${got(all).toFixed(2)} vs ${got(one).toFixed(2)} cores`,
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
