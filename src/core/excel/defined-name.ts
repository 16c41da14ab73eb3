/**
 * Defined names: which names Excel accepts, and the constants a name can hold instead of a
 * reference (ZIPING_FORM = "yueyang-self-eval@1"). A name's reference (收入!$A$1:$G$20) is read
 * by parseSheetRange and written by absoluteRange (address.ts), like every other address.
 */

/** A name Excel accepts: letters, digits, _ . \ (not first a digit); not a cell address, not R or C. */
export function isValidName(name: string): boolean {
  return /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]$/.test(name);
}

/** A workbook-level constant as Excel writes it in a name: "text" with quotes doubled. */
export function constantFormula(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** The text of a constant name ("…" or ="…"), or undefined when the name is not a string constant. */
export function constantValue(text: string): string | undefined {
  const m = /^=?\s*"((?:[^"]|"")*)"\s*$/.exec(text);
  return m ? m[1].replace(/""/g, '"') : undefined;
}
