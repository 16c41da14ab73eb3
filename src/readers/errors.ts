/**
 * An export file that cannot be read: the message is one line naming the file and saying what
 * to do. The CLI prints it as a usage error; the pane shows it under the file picker.
 */
export class ExportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ExportFileError";
  }
}
