import { MemoryOfficeError } from "../errors";
import { ProxyObject } from "./context";

/** An item proxy a collection can load in place (a worksheet, a named item). */
interface LoadableItem {
  loadNow(property: string): void;
}

/**
 * A collection proxy (WorksheetCollection, NamedItemCollection): `count`, and `items` loaded
 * with one property path ("items/name" or "name"), one item proxy per model object for the
 * duration of a load, as Excel returns one proxy per item of a loaded collection.
 */
export abstract class ItemCollection<M, P extends LoadableItem> extends ProxyObject {
  protected readonly defaultLoad = ["items/name"];
  private loading = new Map<M, P>();

  /** "WorksheetCollection", "NamedItemCollection": named in NotImplemented errors. */
  protected abstract readonly collectionName: string;
  /** The model objects, in the order Excel lists them. */
  protected abstract models(): M[];
  protected abstract itemFor(model: M): P;

  protected override beginLoad(): void {
    this.loading = new Map();
  }

  protected snapshot(property: string): unknown {
    if (property === "count") return this.models().length;
    throw new MemoryOfficeError("NotImplemented", `${this.collectionName}.${property}`);
  }

  protected override loadPath(path: string): void {
    const [head, ...rest] = path.split("/");
    if (head === "count") {
      this.setLoaded("count", this.snapshot("count"));
      return;
    }
    // "items/name" or "name": every item, with that property.
    const property = head === "items" ? rest.join("/") || "name" : path;
    const items = this.models().map((model) => {
      const item = this.loading.get(model) ?? this.itemFor(model);
      this.loading.set(model, item);
      item.loadNow(property);
      return item;
    });
    this.setLoaded("items", items);
  }

  get items(): P[] {
    return this.read("items");
  }
}
