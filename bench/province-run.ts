/**
 * One folder check in its own process, so its memory is its own:
 *   `node --import tsx bench/province-run.ts DIR JOBS [FILES]` checks the first FILES reports of
 *   DIR (all by default) with JOBS worker processes, as `ziping check DIR/ --jobs JOBS` does.
 * Prints { files, jobs, ms, perSecond, cpuMsPerFile (the workers' CPU time per file), checked, problems, peakRssMb (per worker), parentRssMb }.
 */
import { checkInWorkers } from "../src/cli/commands/folder-pool";
import { reportFiles } from "../src/cli/commands/workbook";

async function main(): Promise<void> {
  const [dir, jobsText, limitText] = process.argv.slice(2);
  const all = reportFiles(dir).files;
  const files = limitText ? all.slice(0, Number(limitText)) : all;
  const t0 = performance.now();
  const { rows, peakRssMb, cpuMs, jobs } = await checkInWorkers(dir, files, [], { jobs: Number(jobsText) });
  const ms = performance.now() - t0;
  process.stdout.write(
    JSON.stringify({
      files: files.length,
      jobs,
      ms,
      perSecond: (files.length / ms) * 1000,
      cpuMsPerFile: cpuMs / files.length,
      checked: rows.filter((r) => r.problem === undefined).length,
      problems: rows.filter((r) => r.problem !== undefined).map((r) => `${r.file}: ${r.problem}`),
      peakRssMb,
      parentRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

void main();
