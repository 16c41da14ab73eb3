/**
 * Scores 叙述核对 against the labelled corpus (test/fixtures/corpus): each labelled figure is found
 * by the text just before it ("at" ends where the figure ends) and matched to what ZiPing said there.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { verifyNarrative, type VerifyReport } from "../../src/core/narrative";
import type { ReportData } from "../../src/core/spec/data";
import { builtInForms } from "../../src/core/spec/built-in";
import type { FormSpec } from "../../src/core/spec/types";

export const CORPUS_DIR = join(__dirname, "..", "fixtures", "corpus");

export interface Label {
  /** The text up to and including the figure. */
  at: string;
  /** Text right after the figure, when "at" alone is not unique. */
  then?: string;
  /** Whether the figure agrees with exact decimal arithmetic over the table. */
  agrees: boolean;
  /** The recomputation, written by hand. */
  note: string;
}

export interface CorpusDocument {
  id: string;
  source: { url: string; title: string; province: string; kind: string };
  form: string;
  data: ReportData;
  text: string;
  labels: Label[];
}

/** What ZiPing said about one labelled figure. */
export type Said = "error" | "tail" | "agrees" | "unverified";

export interface DocumentScore {
  id: string;
  figures: number;
  slips: number;
  caught: number;
  missed: number;
  slipsUnverified: number;
  falseErrors: number;
  unverified: number;
  /** Each label with what ZiPing said, for the report. */
  outcomes: { label: Label; said: Said }[];
}

export function loadCorpus(dir = CORPUS_DIR): { documents: CorpusDocument[]; forms: Map<string, FormSpec> } {
  const forms = new Map<string, FormSpec>();
  for (const name of readdirSync(join(dir, "forms"))) forms.set(name.replace(/\.json$/, ""), JSON.parse(readFileSync(join(dir, "forms", name), "utf8")) as FormSpec);
  const documents = readdirSync(dir)
    .filter((n) => n.endsWith(".json"))
    .sort()
    .map((n) => ({ id: n.replace(/\.json$/, ""), ...(JSON.parse(readFileSync(join(dir, n), "utf8")) as Omit<CorpusDocument, "id">) }));
  return { documents, forms };
}

/** Where a quote ends in the original text ("…" marks a quote shortened from the left). */
const endOf = (q: { offset: number; quote: string }) => q.offset + q.quote.length - (q.quote.startsWith("…") ? 1 : 0);

function said(report: VerifyReport, end: number): Said {
  if (report.findings.some((f) => f.severity !== "info" && endOf(f) === end)) return "error";
  const claim = report.checked.find((c) => endOf(c) === end);
  if (claim) return claim.status === "error" ? "error" : claim.status;
  return "unverified";
}

/** The figure's end offset in the text; throws when "at" (+ "then") is missing or not unique (a label must name one place). */
export function labelEnd(doc: CorpusDocument, label: Label): number {
  const key = label.at + (label.then ?? "");
  const start = doc.text.indexOf(key);
  if (start < 0) throw new Error(`${doc.id}: 标注「${key}」在正文中找不到`);
  if (doc.text.indexOf(key, start + 1) >= 0) throw new Error(`${doc.id}: 标注「${key}」在正文中出现不止一次`);
  return start + label.at.length;
}

export function scoreDocument(doc: CorpusDocument, form: FormSpec): DocumentScore {
  const report = verifyNarrative(form, doc.data, doc.text);
  const outcomes = doc.labels.map((label) => ({ label, said: said(report, labelEnd(doc, label)) }));
  const slips = outcomes.filter((o) => !o.label.agrees);
  const right = outcomes.filter((o) => o.label.agrees);
  return {
    id: doc.id,
    figures: outcomes.length,
    slips: slips.length,
    // A 尾差 notice on a slip is not a catch: the officer is told the figure is acceptable.
    caught: slips.filter((o) => o.said === "error").length,
    missed: slips.filter((o) => o.said === "agrees" || o.said === "tail").length,
    slipsUnverified: slips.filter((o) => o.said === "unverified").length,
    falseErrors: right.filter((o) => o.said === "error").length,
    unverified: outcomes.filter((o) => o.said === "unverified").length,
    outcomes,
  };
}

export interface CorpusScore {
  documents: DocumentScore[];
  total: Omit<DocumentScore, "id" | "outcomes">;
  /** caught / slips, and verified / figures, as fractions. */
  recall: number;
  verifiedShare: number;
}

export function scoreCorpus(dir = CORPUS_DIR): CorpusScore {
  const { documents, forms } = loadCorpus(dir);
  const scores = documents.map((d) => {
    // A document may be checked against a built-in form (by its id) as well as one of forms/.
    const form = forms.get(d.form) ?? builtInForms.find((f) => f.id === d.form);
    if (!form) throw new Error(`${d.id}: 表式 ${d.form} 不在 forms/ 中`);
    return scoreDocument(d, form);
  });
  const sum = (k: keyof CorpusScore["total"]) => scores.reduce((s, d) => s + d[k], 0);
  const total = { figures: sum("figures"), slips: sum("slips"), caught: sum("caught"), missed: sum("missed"), slipsUnverified: sum("slipsUnverified"), falseErrors: sum("falseErrors"), unverified: sum("unverified") };
  return { documents: scores, total, recall: total.slips ? total.caught / total.slips : 1, verifiedShare: total.figures ? (total.figures - total.unverified) / total.figures : 1 };
}
