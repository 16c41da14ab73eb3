/**
 * One cell's content as a read returns it, the way Office.js `range.values` does: a number, a
 * string, a boolean, or "" when empty — whichever program last saved the file.
 */
export type ReadValue = string | number | boolean;
