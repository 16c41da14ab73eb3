import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

/** The repository's root (this file is test/support/shared.ts). */
export const REPO_ROOT = resolve(__dirname, "..", "..");

/**
 * A file of the project's shared folder, which sits beside the repository (`../shared`) on every
 * developer's machine and on CI. A missing file throws, so the test that needs it fails instead of
 * passing on nothing.
 */
export function sharedFile(...parts: string[]): string {
  const path = join(REPO_ROOT, "..", "shared", ...parts);
  if (!existsSync(path)) throw new Error(`${path} is missing: the shared folder belongs beside the repository (../shared)`);
  return path;
}
