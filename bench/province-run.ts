/**
 * One folder check in its own process, so its memory is its own:
 *   `node --import tsx bench/province-run.ts DIR JOBS [FILES]` checks the first FILES reports of
 *   DIR (all by default) with JOBS worker processes, as `ziping check DIR/ --jobs JOBS` does.
 * Prints { files, jobs, ms, perSecond, cpuMsPerFile (the workers' CPU time per file, their start-up
 * included), steadyCpuMsPerFile (without it), startupCpuMs (per worker), parentCpuMsPerFile (this
 * process: listing, dispatching, collecting), checked, problems, peakRssMb (per worker), parentRssMb }.
 */
import { checkInWorkers } from "../src/cli/commands/folder-pool";
import { reportFiles } from "../src/cli/commands/workbook";

async function main(): Promise<void> {
  const [dir, jobsText, limitText] = process.argv.slice(2);
  const all = reportFiles(dir).files;
  const files = limitText ? all.slice(0, Number(limitText)) : all;
  const t0 = performance.now();
  const parent0 = process.cpuUsage();
  const { rows, peakRssMb, cpuMs, startupCpuMs, jobs } = await checkInWorkers(dir, files, [], { jobs: Number(jobsText) });
  const parent = process.cpuUsage(parent0);
  const ms = performance.now() - t0;
  process.stdout.write(
    JSON.stringify({
      files: files.length,
      jobs,
      ms,
      perSecond: (files.length / ms) * 1000,
      cpuMsPerFile: cpuMs / files.length,
      steadyCpuMsPerFile: (cpuMs - startupCpuMs) / files.length,
      startupCpuMs: startupCpuMs / jobs,
      parentCpuMsPerFile: (parent.user + parent.system) / 1000 / files.length,
      checked: rows.filter((r) => r.problem === undefined).length,
      problems: rows.filter((r) => r.problem !== undefined).map((r) => `${r.file}: ${r.problem}`),
      peakRssMb,
      parentRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

void main();
