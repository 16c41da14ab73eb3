/**
 * A workbook file ZiPing cannot use. The message is one line that names the file and says
 * what is wrong with it and what to do, in Chinese; the CLI prints it as is (exit 2).
 */
export type WorkbookProblem =
  | "missing"
  | "empty"
  | "too-large"
  | "not-a-workbook"
  | "legacy-format"
  | "encrypted"
  | "corrupt"
  | "not-a-template"
  | "older-template"
  | "newer-template"
  | "other-form";

export class WorkbookFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: WorkbookProblem,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = "WorkbookFileError";
  }
}
