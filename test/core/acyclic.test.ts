import { join, relative, sep } from "node:path";
import { cycles, foldGraph, importGraph } from "./import-graph";

const CORE = join(__dirname, "../../src/core");

/** src/core/check/compile.ts → "check"; a file directly in src/core is its own layer. */
const layerOf = (file: string) => relative(CORE, file).split(sep)[0].replace(/\.tsx?$/, "");
const shown = (cycle: string[]) => cycle.map((f) => relative(CORE, f)).join(" → ");

describe("src/core imports", () => {
  const graph = importGraph(CORE);

  it("walks the whole of core", () => {
    expect(graph.size).toBeGreaterThan(50);
    // A sanity check that edges are found at all: the checks read the spec.
    const compile = [...graph.keys()].find((f) => f.endsWith(join("check", "compile.ts")))!;
    expect(graph.get(compile)!.map(layerOf)).toContain("spec");
  });

  it("form no cycle between files", () => {
    expect(cycles(graph).map(shown)).toEqual([]);
  });

  it("form no cycle between core's folders (spec ← check, spec ← plan, …)", () => {
    const layers = foldGraph(graph, layerOf);
    expect(cycles(layers).map((c) => c.join(" ⇄ "))).toEqual([]);
  });
});

describe("the cycle finder", () => {
  it("finds a cycle through three nodes and a node importing itself, and nothing in a chain", () => {
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a", "d"]],
      ["d", ["e"]],
      ["e", []],
      ["f", ["f"]],
    ]);
    expect(cycles(graph).map((c) => [...c].sort())).toEqual([["a", "b", "c"], ["f"]]);
    expect(cycles(new Map([["x", ["y"]], ["y", []]]))).toEqual([]);
  });

  it("folds files onto folders and finds the cycle between folders", () => {
    const graph = new Map([
      ["spec/validate", ["check/rules"]],
      ["check/rules", ["spec/types"]],
      ["spec/types", []],
    ]);
    expect(cycles(graph)).toEqual([]);
    const folded = foldGraph(graph, (f) => f.split("/")[0]);
    expect(cycles(folded).map((c) => [...c].sort())).toEqual([["check", "spec"]]);
  });
});
