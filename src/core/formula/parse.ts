/**
 * Formula syntax tree. Operator precedence follows Excel's documented order
 * (https://support.microsoft.com/office/calculation-operators-and-precedence-in-excel-48be406d-4975-4d31-b2b8-7af9e0e2878a):
 * reference ":" , negation, %, ^, * and /, + and -, &, comparisons. Negation binds tighter than ^,
 * so =-2^2 is 4 as in Excel.
 */
import { FormulaSyntaxError, tokenize, type CellRef, type Token } from "../excel/tokens";

export type Node =
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "bool"; value: boolean }
  | { kind: "error"; value: string }
  | { kind: "ref"; sheet?: string; start: CellRef; end?: CellRef }
  | { kind: "name"; name: string }
  | { kind: "call"; name: string; args: Node[] }
  | { kind: "unary"; op: "-" | "+"; arg: Node }
  | { kind: "percent"; arg: Node }
  | { kind: "binary"; op: string; left: Node; right: Node }
  | { kind: "array"; rows: Array<Array<number | string | boolean | { error: string }>> };

const COMPARISONS = ["=", "<>", "<", ">", "<=", ">="];

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private isOp(...ops: string[]): boolean {
    const t = this.peek();
    return t?.type === "op" && ops.includes(t.text);
  }

  parse(): Node {
    if (this.tokens.length === 0) throw new FormulaSyntaxError("empty formula");
    const node = this.comparison();
    if (this.i < this.tokens.length) throw new FormulaSyntaxError(`unexpected ${this.peek()!.text}`);
    return node;
  }

  private comparison(): Node {
    let left = this.concat();
    while (this.isOp(...COMPARISONS)) {
      const op = this.tokens[this.i++].text;
      left = { kind: "binary", op, left, right: this.concat() };
    }
    return left;
  }

  private concat(): Node {
    let left = this.additive();
    while (this.isOp("&")) {
      this.i++;
      left = { kind: "binary", op: "&", left, right: this.additive() };
    }
    return left;
  }

  private additive(): Node {
    let left = this.multiplicative();
    while (this.isOp("+", "-")) {
      const op = this.tokens[this.i++].text;
      left = { kind: "binary", op, left, right: this.multiplicative() };
    }
    return left;
  }

  private multiplicative(): Node {
    let left = this.power();
    while (this.isOp("*", "/")) {
      const op = this.tokens[this.i++].text;
      left = { kind: "binary", op, left, right: this.power() };
    }
    return left;
  }

  private power(): Node {
    let left = this.postfix();
    while (this.isOp("^")) {
      this.i++;
      left = { kind: "binary", op: "^", left, right: this.postfix() };
    }
    return left;
  }

  private postfix(): Node {
    let node = this.unary();
    while (this.isOp("%")) {
      this.i++;
      node = { kind: "percent", arg: node };
    }
    return node;
  }

  private unary(): Node {
    if (this.isOp("-", "+")) {
      const op = this.tokens[this.i++].text as "-" | "+";
      return { kind: "unary", op, arg: this.unary() };
    }
    return this.primary();
  }

  private primary(): Node {
    const t = this.tokens[this.i++];
    if (!t) throw new FormulaSyntaxError("formula ends too early");
    switch (t.type) {
      case "number":
        return { kind: "number", value: t.value };
      case "string":
        return { kind: "string", value: t.value };
      case "bool":
        return { kind: "bool", value: t.value };
      case "error":
        return { kind: "error", value: t.text };
      case "ref":
        return { kind: "ref", sheet: t.sheet, start: t.start, end: t.end };
      case "name":
        return { kind: "name", name: t.text };
      case "func":
        return this.call(t.name);
      case "brace":
        if (t.text === "{") return this.arrayConstant();
        break;
      case "paren":
        if (t.text === "(") {
          const inner = this.comparison();
          this.expect(")");
          return inner;
        }
        break;
      default:
        break;
    }
    throw new FormulaSyntaxError(`unexpected ${t.text}`);
  }

  /** {1,2;3,4}: constants only, "," between columns, ";" between rows. */
  private arrayConstant(): Node {
    const rows: Array<Array<number | string | boolean | { error: string }>> = [[]];
    for (;;) {
      let t = this.tokens[this.i++];
      let negative = false;
      if (t?.type === "op" && t.text === "-") {
        negative = true;
        t = this.tokens[this.i++];
      }
      if (t?.type === "number") rows[rows.length - 1].push(negative ? -t.value : t.value);
      else if (!negative && t?.type === "string") rows[rows.length - 1].push(t.value);
      else if (!negative && t?.type === "bool") rows[rows.length - 1].push(t.value);
      else if (!negative && t?.type === "error") rows[rows.length - 1].push({ error: t.text });
      else throw new FormulaSyntaxError("array constants hold only numbers, text, booleans and errors");
      const sep = this.tokens[this.i++];
      if (sep?.type === "comma") continue;
      if (sep?.type === "semicolon") {
        rows.push([]);
        continue;
      }
      if (sep?.type === "brace" && sep.text === "}") break;
      throw new FormulaSyntaxError("expected , ; or } in an array constant");
    }
    if (rows.some((r) => r.length !== rows[0].length)) throw new FormulaSyntaxError("array constant rows differ in length");
    return { kind: "array", rows };
  }

  private call(name: string): Node {
    this.expect("(");
    const args: Node[] = [];
    if (this.peek()?.type === "paren" && this.peek()!.text === ")") {
      this.i++;
      return { kind: "call", name, args };
    }
    for (;;) {
      args.push(this.comparison());
      const t = this.tokens[this.i++];
      if (t?.type === "comma") continue;
      if (t?.type === "paren" && t.text === ")") break;
      throw new FormulaSyntaxError(`expected , or ) in ${name}`);
    }
    return { kind: "call", name, args };
  }

  private expect(text: "(" | ")"): void {
    const t = this.tokens[this.i++];
    if (t?.type !== "paren" || t.text !== text) throw new FormulaSyntaxError(`expected ${text}`);
  }
}

/** Parses a formula (with or without its leading "="). Spaces are ignored: no intersection operator. */
export function parseFormula(formula: string): Node {
  return new Parser(tokenize(formula).filter((t) => t.type !== "space")).parse();
}
