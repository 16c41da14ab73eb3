import type { TextBinding } from "../../spec/types";
import type { NarrativeContext } from "../context";
import { makeSentence, missing } from "../sentence";
import { emptyRequiredLists, needAll, templateFields, Writer } from "../template";
import type { Built } from "../types";

/**
 * Figures stated as they are, with differences worded by their sign: "本年追加专项280.51万元，
 * 实际使用415.56万元，结余129.00万元", "实际人数比编制人数少3人". Every cell the text needs must be
 * usable; list entries asked for "after" are asked for only once the rest are there.
 */
export function buildText(ctx: NarrativeContext, binding: TextBinding, key: string): Built {
  const empty = emptyRequiredLists(ctx, binding.text, binding.slots);
  if (empty.length) return missing(empty);
  const first = needAll(ctx, [...(binding.reads ?? []), ...templateFields(ctx, binding.text, binding.slots, "with")]);
  if (first.length) return missing(first);
  const after = needAll(ctx, templateFields(ctx, binding.text, binding.slots, "after"));
  if (after.length) return missing(after);
  const writer = new Writer(ctx, key);
  for (const id of binding.reads ?? []) writer.cell(id);
  const text = writer.write(binding.text, binding.slots);
  if (writer.missing.length) return missing(writer.missing);
  return makeSentence(ctx, binding.id, text, writer.facts, writer.notes);
}
