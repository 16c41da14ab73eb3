/**
 * Text that came from a file (a department name, a cell, a file name, a parser's message about
 * the file's bytes), made safe to print on a terminal. A file can hold any character: an ESC
 * starts a sequence that recolours, hides or rewrites what follows on the screen, a CR goes back
 * over a line, a right-to-left override reverses it. Such characters are printed as their
 * escape (ESC as \x1B), so what the officer sees is what the file holds; a long value is cut and
 * its length given, so one cell cannot flood the terminal.
 */

/** C0 controls (tab and line feed included: a value is one line), DEL, C1 controls, and the bidi overrides and isolates. */
const UNSAFE_IN_VALUE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The same less line feed and tab, for a whole printed block whose own layout uses them. */
const UNSAFE_IN_BLOCK = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Longest value shown whole; a file-derived value longer than this is cut. */
export const SHOWN_CHARS = 200;

const hex = (code: number, digits: number) => code.toString(16).toUpperCase().padStart(digits, "0");

/**
 * C0 controls as \xHH, the rest as \uHHHH: both read the same on a terminal, and \uHHHH is also
 * a valid escape inside a JSON string (where only those can occur: JSON.stringify escapes C0).
 */
function escapeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code === 0x0a) return "\\n";
  if (code === 0x09) return "\\t";
  if (code === 0x0d) return "\\r";
  return code < 0x20 ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
}

/** A file-derived value as one printable line: controls escaped, cut after `max` characters with its length. */
export function shown(text: string, max = SHOWN_CHARS): string {
  const cut = text.length > max;
  const head = cut ? text.slice(0, max) : text;
  const safe = head.replace(UNSAFE_IN_VALUE, escapeChar);
  return cut ? `${safe}…（共 ${text.length.toLocaleString("en-US")} 字符）` : safe;
}

/** A whole block about to be printed: every control but line feed and tab escaped (the last guard, in main). */
export function terminalSafe(block: string): string {
  return block.replace(UNSAFE_IN_BLOCK, escapeChar);
}
