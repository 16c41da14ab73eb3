/**
 * LibreOffice as a second, real spreadsheet engine for the tests: converts workbooks headless
 * with a private profile per run that forces recalculation on load (OOXMLRecalcMode 0), so
 * every formula is calculated by LibreOffice, never taken from a cached value, and a running
 * soffice elsewhere on the machine cannot interfere.
 */
import { execFile } from "node:child_process";
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, delimiter, extname, join } from "node:path";
import { pathToFileURL } from "node:url";

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** The soffice binary on PATH (or SOFFICE=/path), or undefined. */
export function findSoffice(): string | undefined {
  const candidates = process.env.SOFFICE
    ? [process.env.SOFFICE]
    : (process.env.PATH ?? "").split(delimiter).flatMap((dir) => [join(dir, "soffice"), join(dir, "libreoffice")]);
  return candidates.find((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Whether LibreOffice tests run here. Missing soffice skips them with a loud message on a
 * developer's machine; on CI (CI set) the tests run and fail, so a broken install is never green.
 */
export function libreOfficeGate(): { soffice: string | undefined; skip: boolean } {
  const soffice = findSoffice();
  const onCi = Boolean(process.env.CI);
  if (!soffice && !onCi) {
    const bar = "!".repeat(78);
    console.warn(
      `\n${bar}\n!!! LibreOffice (soffice) not found: the LibreOffice round-trip tests are SKIPPED.\n` +
        `!!! Install it: apt-get install -y --no-install-recommends libreoffice-calc-nogui\n` +
        `!!! (With CI set, a missing soffice fails these tests instead.)\n${bar}\n`,
    );
  }
  return { soffice, skip: !soffice && !onCi };
}

export interface Conversion {
  /** Converted files, in the order of the inputs. */
  outputs: string[];
  milliseconds: number;
}

/**
 * Converts every input in one soffice run (one start-up, about 2 s) into `filter` (e.g. "xlsx",
 * or "csv:Text - txt - csv (StarCalc):44,34,76,1" for UTF-8 CSV).
 */
export function convertWithLibreOffice(soffice: string | undefined, inputs: string[], filter: string, outDir: string): Promise<Conversion> {
  if (!soffice) return Promise.reject(new Error("LibreOffice (soffice) is not installed; on CI it must be (apt-get install libreoffice-calc-nogui)"));
  const profile = mkdtempSync(join(tmpdir(), "ziping-lo-profile-"));
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  mkdirSync(outDir, { recursive: true });
  const extension = filter.split(":")[0];
  const args = [
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    "--headless",
    "--norestore",
    "--nolockcheck",
    "--convert-to",
    filter,
    "--outdir",
    outDir,
    ...inputs,
  ];
  const started = Date.now();
  return new Promise((resolve, reject) => {
    execFile(soffice, args, { timeout: 120_000 }, (error, stdout, stderr) => {
      rmSync(profile, { recursive: true, force: true });
      const milliseconds = Date.now() - started;
      if (error) return reject(new Error(`soffice failed: ${error.message}\n${stdout}\n${stderr}`));
      // A CSV of one chosen sheet (the filter's 12th field) is named base-SheetName.csv.
      const outputs = inputs.map((input) => {
        const base = basename(input, extname(input));
        const whole = join(outDir, `${base}.${extension}`);
        const sheets = existsSync(whole) ? [] : readdirSync(outDir).filter((f) => f.startsWith(`${base}-`) && f.endsWith(`.${extension}`));
        return sheets.length === 1 ? join(outDir, sheets[0]) : whole;
      });
      const absent = outputs.filter((o) => !existsSync(o));
      if (absent.length) return reject(new Error(`soffice wrote no ${absent.join(", ")}\n${stdout}\n${stderr}`));
      resolve({ outputs, milliseconds });
    });
  });
}
