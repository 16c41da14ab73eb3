import { main } from "../../src/cli/main";

/** Runs the CLI in-process and captures what it prints and its exit code. */
export async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (s) => (stdout += s + "\n"), stderr: (s) => (stderr += s + "\n") });
  return { code, stdout, stderr };
}
