import { MemoryOfficeError } from "../errors";
import { ProxyObject, type MemoryRequestContext } from "./context";

/** An item proxy a collection can load in place (a worksheet, a named item). */
interface LoadableItem {
  loadNow(property: string): void;
}

/**
 * A proxy for one item of a collection (a worksheet, a named item). It binds to its model
 * object at the point in the batch where getItem ran, as Office.js does, stays bound to that
 * object (through a rename), and fails with ItemNotFound once the object is gone.
 */
export abstract class BoundItem<M> extends ProxyObject {
  private bound?: M | null;
  isNullObject = false;

  constructor(
    context: MemoryRequestContext,
    private readonly locate: () => M | null,
    /** "Worksheet", "NamedItem": named in ItemNotFound errors. */
    private readonly itemName: string,
  ) {
    super(context);
  }

  /** Whether the bound object is still in the workbook. */
  protected abstract present(item: M): boolean;

  /** Binds at the point in the batch where getItem (nullable: getItemOrNullObject) ran. */
  bindNow(nullable: boolean): void {
    this.queue(false, () => {
      this.bound = this.locate();
      if (nullable) {
        this.isNullObject = this.bound === null;
        this.setLoaded("isNullObject", this.isNullObject);
      } else if (this.bound === null) {
        throw new MemoryOfficeError("ItemNotFound", "The requested resource doesn't exist.", `${this.itemName}Collection.getItem`);
      }
    });
  }

  /** The object this proxy is bound to; ItemNotFound when missing or deleted since. */
  protected item(): M {
    if (this.bound === undefined) this.bound = this.locate();
    if (!this.bound || !this.present(this.bound)) {
      throw new MemoryOfficeError("ItemNotFound", "The requested resource doesn't exist.", this.itemName);
    }
    return this.bound;
  }

  protected override exists(): boolean {
    if (this.bound === undefined) this.bound = this.locate();
    return this.bound !== null;
  }

  /** Bound already, and to nothing (getItemOrNullObject of a missing item). */
  protected boundToNothing(): boolean {
    return this.bound === null;
  }

  /** Loads a property at once (a collection's items/… load runs inside the collection's own load). */
  loadNow(property: string): void {
    this.setLoaded(property, this.snapshot(property));
  }
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
