import { fieldId, type FieldDef } from "../spec/instances";

/** Where one row spec's fields start in the field array, and how their columns are laid. */
interface RowBlock {
  start: number;
  /** Fields per row (per entry of a list row): the table's value columns, 1 for a record table. */
  width: number;
  /** Offset of each value column within a row; undefined for a record table. */
  columns?: Map<string, number>;
}

/**
 * Field positions by id, without a hash entry per field. A form with a 100,000-entry 科目 list
 * has that many fields, and two maps of that size cost an import more than the rest of
 * compiling it. expandFields lays a row spec's rows out one after another (one, or one per
 * entry of its list), each with the table's value columns in order, so `table.row[n].column`
 * sits at start + (n − 1) × width + offset: only each row spec's block is kept, and fixed rows'
 * ids in a small map. Every answer found by position is confirmed against the field there; one
 * that does not confirm is looked up in a full map built on first need, so a change of that
 * layout costs time, never a wrong field.
 */
export class FieldIndex implements ReadonlyMap<string, number> {
  private readonly fixed = new Map<string, number>();
  /** Row spec blocks by table id, then row spec id. */
  private readonly blocks = new Map<string, Map<string, RowBlock>>();
  private full: Map<string, number> | undefined;

  constructor(private readonly fields: readonly FieldDef[]) {
    fields.forEach((f, i) => {
      if (f.row.listIndex === undefined) this.fixed.set(f.id, i);
      let specs = this.blocks.get(f.table.id);
      if (!specs) this.blocks.set(f.table.id, (specs = new Map()));
      if (specs.has(f.row.spec.id)) return;
      const columns = f.column ? new Map((f.table.columns ?? []).map((c, j) => [c.id, j])) : undefined;
      specs.set(f.row.spec.id, { start: i, width: columns?.size ?? 1, columns });
    });
  }

  get size(): number {
    return this.fields.length;
  }

  get(id: string): number | undefined {
    const open = id.indexOf("[");
    if (open < 0) return this.fixed.get(id);
    const ix = this.listPosition(id, open);
    if (ix !== undefined && this.fields[ix]?.id === id) return ix;
    return this.fullMap().get(id);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /**
   * Position of the field in row spec `rowSpecId` of table `tableId`, at entry `listIndex` of a
   * list row (undefined for a fixed row), in value column `columnId` (ignored in a record
   * table), found without making its id.
   */
  at(tableId: string, rowSpecId: string, listIndex: number | undefined, columnId: string | undefined): number | undefined {
    const block = this.blocks.get(tableId)?.get(rowSpecId);
    if (!block) return undefined;
    const offset = block.columns ? block.columns.get(columnId ?? "") : 0;
    if (offset !== undefined) {
      const ix = block.start + ((listIndex ?? 1) - 1) * block.width + offset;
      const f = this.fields[ix];
      if (f && f.table.id === tableId && f.row.spec.id === rowSpecId && f.row.listIndex === listIndex && f.column?.id === (block.columns ? columnId : undefined)) return ix;
    }
    const table = this.fields[block.start].table;
    const rowId = listIndex === undefined ? rowSpecId : `${rowSpecId}[${listIndex}]`;
    return this.fullMap().get(fieldId(table, rowId, block.columns ? columnId : undefined));
  }

  /** Where `table.row[n]` or `table.row[n].column` would be, unconfirmed. */
  private listPosition(id: string, open: number): number | undefined {
    const dot = id.indexOf(".");
    const close = id.indexOf("]", open);
    if (dot < 0 || dot > open || close < 0) return undefined;
    const block = this.blocks.get(id.slice(0, dot))?.get(id.slice(dot + 1, open));
    const n = Number(id.slice(open + 1, close));
    if (!block || !Number.isInteger(n) || n < 1) return undefined;
    const rest = id.slice(close + 1);
    const offset = block.columns ? (rest.startsWith(".") ? block.columns.get(rest.slice(1)) : undefined) : rest === "" ? 0 : undefined;
    return offset === undefined ? undefined : block.start + (n - 1) * block.width + offset;
  }

  private fullMap(): Map<string, number> {
    if (!this.full) {
      this.full = new Map();
      this.fields.forEach((f, i) => this.full!.set(f.id, i));
    }
    return this.full;
  }

  *entries(): MapIterator<[string, number]> {
    for (let i = 0; i < this.fields.length; i++) yield [this.fields[i].id, i];
  }
  *keys(): MapIterator<string> {
    for (const f of this.fields) yield f.id;
  }
  *values(): MapIterator<number> {
    for (let i = 0; i < this.fields.length; i++) yield i;
  }
  forEach(fn: (value: number, key: string, map: ReadonlyMap<string, number>) => void): void {
    this.fields.forEach((f, i) => fn(i, f.id, this));
  }
  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }
}

/**
 * Values kept by field position (the fields themselves, or a pass's cell states), read by field
 * id through the form's index: the answers of a map of every field, without building one.
 */
export class ByFieldId<T> implements ReadonlyMap<string, T> {
  constructor(
    private readonly fields: readonly FieldDef[],
    private readonly items: readonly T[],
    private readonly index: ReadonlyMap<string, number>,
  ) {}
  get size(): number {
    return this.items.length;
  }
  get(id: string): T | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.items[i];
  }
  has(id: string): boolean {
    return this.index.has(id);
  }
  *entries(): MapIterator<[string, T]> {
    for (let i = 0; i < this.items.length; i++) yield [this.fields[i].id, this.items[i]];
  }
  *keys(): MapIterator<string> {
    for (let i = 0; i < this.items.length; i++) yield this.fields[i].id;
  }
  *values(): MapIterator<T> {
    yield* this.items;
  }
  forEach(fn: (value: T, key: string, map: ReadonlyMap<string, T>) => void): void {
    this.items.forEach((v, i) => fn(v, this.fields[i].id, this));
  }
  [Symbol.iterator](): MapIterator<[string, T]> {
    return this.entries();
  }
}
