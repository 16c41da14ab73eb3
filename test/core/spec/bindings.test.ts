/**
 * Narrative bindings as form data: validateForm names each problem by its JSON path, and
 * docs/fields.md lists each sentence with the fields it reads.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultForm, fieldsMarkdown, validateForm, type FormSpec } from "../../../src/core/spec";

const mini = (): FormSpec => JSON.parse(readFileSync(join(__dirname, "../../fixtures/forms/bumen-juesuan-mini.json"), "utf8"));

type Json = Record<string, unknown>;

/** The value at a dotted path of the form's JSON ("narrative.0.sentences.1.clauses.0.kind"). */
function at(form: Json, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (node as Json)[key], form);
}

/** The mini form with the value at `path` changed (undefined: removed), then validated. */
function withChange(path: string, change: (old: unknown) => unknown): string[] {
  const form = mini() as unknown as Json;
  const keys = path.split(".");
  const parent = at(form, keys.slice(0, -1).join(".")) as Json;
  const value = change(parent[keys[keys.length - 1]]);
  if (value === undefined) delete parent[keys[keys.length - 1]];
  else parent[keys[keys.length - 1]] = value;
  return validateForm(form as unknown as FormSpec);
}

describe("validateForm on narrative bindings", () => {
  it("the built-in form and the mini 决算 form declare paragraphs, and both are valid", () => {
    expect(defaultForm.narrative?.map((p) => p.id)).toEqual(["staff", "budget", "execution", "basic", "sangong", "special", "functional", "performance"]);
    expect(validateForm(defaultForm)).toEqual([]);
    expect(mini().narrative?.length).toBe(3);
    expect(validateForm(mini())).toEqual([]);
  });

  it.each<[string, string, (old: unknown) => unknown, string]>([
    ["an unknown sentence kind", "narrative.0.sentences.1.clauses.0.kind", () => "ratio", "narrative[0].sentences[1].clauses[0].kind：不认识的句子类型「ratio」"],
    ["an unknown field in a template", "narrative.0.sentences.0.clauses.0.text", (old) => `${old}{income.bogus}`, "narrative[0].sentences[0].clauses[0].text：字段「income.bogus」不在本报表中"],
    ["an unknown field in a share's part", "narrative.0.sentences.1.clauses.0.parts.1.field", () => "income.others", "narrative[0].sentences[1].clauses[0].parts[1].field：字段「income.others」不在本报表中"],
    ["an unknown field in a difference slot", "narrative.2.sentences.0.clauses.0.slots.gap.of.1", () => "sangong.total.plan", "narrative[2].sentences[0].clauses[0].slots.gap.of[1]：字段「sangong.total.plan」不在本报表中"],
    ["a slot the text names but the binding lacks", "narrative.2.sentences.0.clauses.0.text", (old) => `${old}{@why}`, "narrative[2].sentences[0].clauses[0].text：没有名为「why」的 slot"],
    ["an unknown list", "narrative.1.sentences.0.clauses.0.list", () => "lines", "narrative[1].sentences[0].clauses[0].list：列表「lines」不在本报表中"],
    ["a list entry field on a row that is not a list", "narrative.1.sentences.0.clauses.0.amount", () => "spending.all[*].total", "narrative[1].sentences[0].clauses[0].amount：字段「spending.all[*].total」不在本报表中"],
    ["overspend rows that do not exist", "narrative.2.sentences.1.clauses.0.rows.rows.2", () => "meals", "narrative[2].sentences[1].clauses[0].rows.rows[2]：字段「sangong.meals.budget」不在本报表中"],
    ["an unknown wording option", "narrative.2.sentences.0.clauses.1.option", () => "rates", "narrative[2].sentences[0].clauses[1].option：不认识的措辞选项「rates」"],
    ["a duplicated sentence id", "narrative.2.sentences.2.clauses.0.id", () => "sangong.total", "narrative[2].sentences[2].clauses[0].id：句子 id 重复：sangong.total"],
    ["a duplicated paragraph id", "narrative.2.id", () => "income", "narrative[2].id：段落 id 重复：income"],
    ["a paragraph without sentences", "narrative.1.sentences", () => undefined, "narrative[1].sentences：应为句子的数组"],
  ])("%s", (_name, path, change, message) => {
    const errors = withChange(path, change);
    expect(errors).toContainEqual(expect.stringContaining(message));
  });

  it("a bad binding in the built-in form is caught too", () => {
    const form = structuredClone(defaultForm) as FormSpec;
    const sangong = form.narrative!.find((p) => p.id === "sangong")!;
    const changes = sangong.sentences[1].clauses[0];
    if (changes.kind !== "changes") throw new Error("the 三公 changes binding moved");
    changes.items = changes.items.map((item, i) => (i === 2 ? { ...item, prior: "sangong.abroad.last" } : item));
    expect(validateForm(form)).toEqual(["narrative[4].sentences[1].clauses[0].items[2].prior：字段「sangong.abroad.last」不在本报表中"]);
  });
});

describe("docs/fields.md lists each sentence and its fields", () => {
  it("every binding of the built-in form, with each field it names", () => {
    const md = fieldsMarkdown(defaultForm).split("## 报告综述的段落与句子")[1];
    for (const p of defaultForm.narrative!) {
      expect(md).toContain(`### ${p.title} (\`${p.id}\`)`);
      for (const binding of p.sentences.flatMap((g) => g.clauses)) {
        const row = md.split("\n").find((line) => line.startsWith(`| \`${binding.id}\``) || line.startsWith(`| \`${binding.id}.*\``));
        expect(row, binding.id).toBeDefined();
        for (const field of JSON.stringify(binding).match(/[a-zA-Z]+\.[a-zA-Z]+(?:\[\*\])?\.[a-zA-Z]+|staff\.[a-zA-Z]+|vehicles\.inUse/g) ?? []) {
          if (field.startsWith("econ.")) continue; // the rows binding names columns, not fields
          expect(row, `${binding.id} ${field}`).toContain(`\`${field.replace("[*]", "[n]")}\``);
        }
      }
    }
    expect(md).toContain("`econ.other[n].actual`");
  });
});
