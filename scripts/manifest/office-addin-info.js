// Runs Microsoft's `office-addin-manifest info` on the manifest as a second opinion. It reads the
// file offline with its own XML parser and fails on what it cannot read. (Its `validate` command
// needs Microsoft's online service, which is unreachable here.)
"use strict";

const { spawnSync } = require("node:child_process");

const CLI = require.resolve("office-addin-manifest/cli.js");

/** @returns {{ ok: boolean, output: string }} */
function officeAddinInfo(manifestPath) {
  const run = spawnSync(process.execPath, [CLI, "info", manifestPath], { encoding: "utf8", timeout: 60_000 });
  const output = `${run.stdout ?? ""}${run.stderr ?? ""}`.trim();
  // The CLI sets exit code 1 when it cannot read the manifest; also insist it saw a task-pane add-in.
  const ok = run.status === 0 && /^\s*Type: TaskPaneApp\s*$/m.test(run.stdout ?? "");
  return { ok, output: output || String(run.error ?? `exit code ${run.status}`) };
}

module.exports = { officeAddinInfo };
