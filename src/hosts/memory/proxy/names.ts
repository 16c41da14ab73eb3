/**
 * Workbook-scoped defined names (Excel.NamedItemCollection / NamedItem):
 * - names.add(name, reference, comment) (ExcelApi 1.4) with a Range or a formula string;
 *   a name that exists already fails with ItemAlreadyExists;
 * - NamedItem.getRange() (1.1) fails when the name is not a range; getRangeOrNullObject (1.4)
 *   gives a null object instead (https://learn.microsoft.com/javascript/api/excel/excel.nameditem);
 * - the name's reference moves with inserted and deleted rows (see ../formula/adjust.ts).
 */
import { MemoryOfficeError } from "../errors";
import type { NameModel } from "../model";
import { formatAddress } from "../../../core/excel/address";
import { BoundItem, ItemCollection } from "./collection";
import type { MemoryRequestContext } from "./context";
import { MemoryRange } from "./range";

export class MemoryNamedItem extends BoundItem<NameModel> {
  protected readonly defaultLoad = ["name", "formula", "type", "value", "visible", "comment"];

  constructor(context: MemoryRequestContext, locate: () => NameModel | null) {
    super(context, locate, "NamedItem");
  }

  protected present(name: NameModel): boolean {
    return this.context.host.model.getName(name.name) === name;
  }

  protected snapshot(property: string): unknown {
    const n = this.item();
    const model = this.context.host.model;
    switch (property) {
      case "name":
        return n.name;
      case "formula":
        return n.formula;
      case "comment":
        return n.comment;
      case "visible":
        return n.visible;
      case "type":
        if (model.nameRange(n)) return "Range";
        if (/#REF!/.test(n.formula)) return "Error";
        return typeof model.resolveName(n.name) === "number" ? "Double" : "String";
      case "value": {
        const range = model.nameRange(n);
        if (range) return formatAddress(range.sheet.name, range.area, true);
        const v = model.resolveName(n.name);
        return typeof v === "object" && v !== null && "error" in v ? v.error : v;
      }
      case "isNullObject":
        return false;
      default:
        throw new MemoryOfficeError("NotImplemented", `NamedItem.${property} is not modelled.`);
    }
  }

  get name(): string {
    return this.read("name");
  }
  get formula(): string {
    return this.read("formula");
  }
  /** ExcelApi 1.7: re-point the name. */
  set formula(value: string) {
    this.queue(true, () => {
      const n = this.item();
      const f = String(value);
      this.context.host.model.checkInput({ kind: "formula", formula: f.startsWith("=") ? f : `=${f}` });
      n.formula = f.startsWith("=") ? f : `=${f}`;
      this.context.host.model.touch();
    });
  }
  get comment(): string {
    return this.read("comment");
  }
  get visible(): boolean {
    return this.read("visible");
  }
  set visible(v: boolean) {
    this.queue(true, () => {
      this.item().visible = v;
    });
  }
  get type(): Excel.NamedItemType | "String" | "Integer" | "Double" | "Boolean" | "Range" | "Error" | "Array" {
    return this.read("type");
  }
  get value(): unknown {
    return this.read("value");
  }

  delete(): void {
    this.queue(true, () => this.context.host.model.deleteName(this.item().name));
  }

  getRange(): MemoryRange {
    return new MemoryRange(this.context, () => {
      const target = this.context.host.model.nameRange(this.item());
      if (!target) throw new MemoryOfficeError("InvalidReference", `The name ${this.item().name} does not refer to a range.`);
      return target;
    });
  }

  getRangeOrNullObject(): MemoryRange {
    return new MemoryRange(this.context, () => {
      if (this.boundToNothing()) return null;
      return this.context.host.model.nameRange(this.item()) ?? null;
    }).bindNullable();
  }
}

export class MemoryNamedItems extends ItemCollection<NameModel, MemoryNamedItem> {
  protected readonly collectionName = "NamedItemCollection";

  protected models(): NameModel[] {
    return [...this.context.host.model.names.values()];
  }

  protected itemFor(model: NameModel): MemoryNamedItem {
    return new MemoryNamedItem(this.context, () => model);
  }

  add(name: string, reference: MemoryRange | string, comment?: string): MemoryNamedItem {
    let created: NameModel | undefined;
    this.queue(true, () => {
      const formula =
        typeof reference === "string"
          ? reference
          : (() => {
              const t = reference.target();
              return `=${formatAddress(t.sheet.name, t.area, true)}`;
            })();
      this.context.host.model.checkInput({ kind: "formula", formula: formula.startsWith("=") ? formula : `=${formula}` });
      created = this.context.host.model.addName(name, formula, comment ?? "");
    });
    return new MemoryNamedItem(this.context, () => created ?? null);
  }

  getItem(name: string): MemoryNamedItem {
    const item = new MemoryNamedItem(this.context, () => this.context.host.model.getName(name) ?? null);
    item.bindNow(false);
    return item;
  }

  getItemOrNullObject(name: string): MemoryNamedItem {
    const item = new MemoryNamedItem(this.context, () => this.context.host.model.getName(name) ?? null);
    item.bindNow(true);
    return item;
  }
}
