import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { DICTIONARY, fill } from "../../src/taskpane/i18n";

const srcDirs = [join(__dirname, "../../src/taskpane"), join(__dirname, "../../src/preview")];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("the pane's dictionary", () => {
  it("has every key in both languages, none empty, with the same placeholders", () => {
    const zh = DICTIONARY.zh as Record<string, string>;
    const en = DICTIONARY.en as Record<string, string>;
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh)) {
      expect(zh[key].trim(), key).not.toBe("");
      expect(en[key].trim(), key).not.toBe("");
      const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(holes(en[key]), key).toEqual(holes(zh[key]));
    }
  });

  it("is Chinese first: the zh strings are Chinese, the default the pane starts in", () => {
    const zh = DICTIONARY.zh as Record<string, string>;
    const chinese = Object.values(zh).filter((s) => /[\u4e00-\u9fff]/.test(s));
    expect(chinese.length / Object.keys(zh).length).toBeGreaterThan(0.9);
  });

  it("holds every key the pane and the preview use, and no key they do not", () => {
    const used = new Set<string>();
    for (const file of srcDirs.flatMap(sources)) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\bt\.([A-Za-z_]\w*)/g)) used.add(m[1]);
      for (const m of text.matchAll(/\bt\[`([A-Za-z_]+)\$\{/g)) for (const k of Object.keys(DICTIONARY.zh)) if (k.startsWith(m[1])) used.add(k);
    }
    const keys = new Set(Object.keys(DICTIONARY.zh));
    expect([...used].filter((k) => !keys.has(k))).toEqual([]);
    expect([...keys].filter((k) => !used.has(k))).toEqual([]);
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(fill("共 {rules} 条，{rules} 条", { rules: 89 })).toBe("共 89 条，89 条");
    expect(fill("{a}{b}", { a: "x" })).toBe("x{b}");
  });

  it("words an English count by its number (1 error, 2 errors), and every count the English strings word agrees", () => {
    expect(fill("{n} {n?error|errors}", { n: 1 })).toBe("1 error");
    expect(fill("{n} {n?error|errors}", { n: 0 })).toBe("0 errors");
    expect(fill("{n} {n?error|errors}", { n: 2 })).toBe("2 errors");
    expect(fill("{n?error|errors}", {})).toBe("{n?error|errors}");
    const en = DICTIONARY.en as Record<string, string>;
    const counts = { errors: 1, warnings: 1, notes: 1, overspends: 1, rules: 1, count: 1, writes: 1, rejects: 1, written: 1, rejected: 1, checked: 1, agreed: 1, notices: 1, unchecked: 1 };
    // No English string says "1 errors", "1 cells", "1 items" or "1 notes" once filled with ones.
    for (const [key, text] of Object.entries(en)) expect(fill(text, counts), key).not.toMatch(/\b1 (errors|cells|items|notes|rules|overspends|units)\b/);
  });
});
