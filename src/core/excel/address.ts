/** A1 addresses as Excel writes them. */

export function columnLetters(column: number): string {
  let n = column;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/**
 * Excel leaves a sheet name bare in a reference only when it is letters, digits, underscores
 * and dots and does not start with a digit; anything else (spaces, （）, -) needs quotes, with
 * embedded quotes doubled.
 */
export function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

export function sheetAddress(sheet: string, row: number, column: number): string {
  return `${quoteSheet(sheet)}!${a1(row, column)}`;
}

export function rangeAddress(sheet: string, top: number, left: number, bottom: number, right: number): string {
  const from = a1(top, left);
  const to = a1(bottom, right);
  return `${quoteSheet(sheet)}!${from === to ? from : `${from}:${to}`}`;
}
