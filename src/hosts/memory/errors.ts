/**
 * Errors as Office.js raises them: an OfficeExtension.Error with a `code` from Excel.ErrorCodes
 * (https://learn.microsoft.com/javascript/api/office/officeextension.error,
 * https://learn.microsoft.com/office/dev/add-ins/reference/javascript-api-for-office-error-codes).
 * The add-in decides on `code`, never on the (localised) message.
 */
export type MemoryErrorCode =
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidArgument"
  | "InvalidReference"
  | "InvalidOperation"
  | "AccessDenied"
  | "PropertyNotLoaded"
  | "InvalidObjectPath"
  | "GeneralException"
  | "NotImplemented";

export class MemoryOfficeError extends Error {
  override readonly name = "OfficeExtension.Error";
  readonly code: MemoryErrorCode;
  readonly debugInfo: { code: MemoryErrorCode; message: string; errorLocation?: string };

  constructor(code: MemoryErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

/**
 * Reading a property that was not loaded and synced. Office.js throws this synchronously from
 * the getter: "The property 'values' is not available. Before reading the property's value, call
 * the load method on the containing object and call "context.sync()" on the associated request
 * context." (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#load)
 */
export function propertyNotLoaded(property: string): MemoryOfficeError {
  return new MemoryOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}
