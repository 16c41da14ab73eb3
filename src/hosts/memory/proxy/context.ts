/**
 * The request context and the proxy mechanics of Office.js, as the Excel JavaScript API documents
 * them (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model):
 * - calls on proxy objects are queued and run, in order, at `context.sync()`;
 * - a property can be read only after `load()` and a `sync()`; before that the getter throws
 *   PropertyNotLoaded;
 * - if a queued call fails, sync rejects with an OfficeExtension.Error; the calls queued before
 *   it have already taken effect, the later ones have not
 *   (https://learn.microsoft.com/javascript/api/office/officeextension.error — its example batch
 *   "successfully inserts the first two paragraphs" before the failing call);
 * - objects belong to the context of the Excel.run that made them.
 */
import { MemoryOfficeError, propertyNotLoaded } from "../errors";
import type { MemoryWorkbook } from "../workbook";

export interface Op {
  /** Changes the workbook (counts the sync as a write sync; refused when read-only). */
  write: boolean;
  run(): void;
}

export class MemoryRequestContext {
  private queue: Op[] = [];
  private closed = false;
  // Lazily created to avoid a circular import at module load.
  private workbookProxy?: object;

  constructor(readonly host: MemoryWorkbook) {}

  get workbook(): Excel.Workbook {
    if (!this.workbookProxy) this.workbookProxy = this.host.createWorkbookProxy(this);
    return this.workbookProxy as Excel.Workbook;
  }

  enqueue(op: Op): void {
    if (this.closed) {
      throw new MemoryOfficeError("InvalidObjectPath", "The object was created in an Excel.run that has finished; use it inside its own batch.");
    }
    this.queue.push(op);
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Runs the queued calls in one round trip. An empty queue costs no round trip, as in Office.js. */
  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    if (ops.length === 0) return;
    await this.host.execute(ops);
  }

  close(): void {
    this.closed = true;
  }

  reopen(): void {
    this.closed = false;
  }
}

export type LoadArg = string | string[] | { select?: string | string[] } | undefined;

/** "values, text" / ["values","text"] / {select: "values"} → property paths. */
export function loadPaths(arg: LoadArg): string[] | undefined {
  if (arg === undefined) return undefined;
  const raw = typeof arg === "string" || Array.isArray(arg) ? arg : arg.select;
  if (raw === undefined) return undefined;
  const list = Array.isArray(raw) ? raw : raw.split(",");
  return list.map((p) => p.trim()).filter(Boolean);
}

/** Base of every proxy: queued calls, load, and the PropertyNotLoaded rule. */
export abstract class ProxyObject {
  protected readonly loadedValues = new Map<string, unknown>();

  constructor(readonly context: MemoryRequestContext) {}

  /** Scalar properties `load()` with no argument loads. */
  protected abstract readonly defaultLoad: string[];

  /** Reads a property's current value in the workbook (at sync time). */
  protected abstract snapshot(property: string): unknown;

  /** Called at sync before loads; false for a null object, whose loads set nothing. */
  protected exists(): boolean {
    return true;
  }

  protected read<T>(property: string): T {
    if (!this.loadedValues.has(property)) throw propertyNotLoaded(property);
    return this.loadedValues.get(property) as T;
  }

  protected queue(write: boolean, run: () => void): void {
    this.context.enqueue({ write, run });
  }

  load(arg?: LoadArg): this {
    const paths = loadPaths(arg) ?? this.defaultLoad;
    this.context.host.stats.loads++;
    this.queue(false, () => {
      if (!this.exists()) return;
      this.beginLoad();
      for (const p of paths) this.loadPath(p);
    });
    return this;
  }

  /** Called once per load before its paths (collections rebuild their items here). */
  protected beginLoad(): void {}

  /** A path like "values" or "format/fill/color"; nested proxies handle their own part. */
  protected loadPath(path: string): void {
    const [head, ...rest] = path.split("/");
    const child = this.child(head);
    if (child && rest.length) {
      child.loadPath(rest.join("/"));
      return;
    }
    if (child) {
      for (const p of child.defaultLoad) child.loadPath(p);
      return;
    }
    this.loadedValues.set(head, this.snapshot(head));
  }

  /** Navigation properties that are proxies themselves (format, font, …). */
  protected child(name: string): ProxyObject | undefined {
    void name;
    return undefined;
  }

  /** Marks a property as loaded with a value (used by collections and null objects). */
  setLoaded(property: string, value: unknown): void {
    this.loadedValues.set(property, value);
  }
}
