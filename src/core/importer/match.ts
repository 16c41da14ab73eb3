import { normalizeLabel } from "./normalize";

/**
 * How an export's header or row label was recognised. The plan shows it, so an officer sees
 * "公用经费 → 公用支出（同义词）" or "收入合计数 → 收入合计（近似 0.87）" and can object.
 */
export type MatchHow = "exact" | "synonym" | "code" | "fuzzy";

export interface NameMatch<K> {
  key: K;
  how: MatchHow;
  /** 1 for exact/synonym/code; similarity in (FUZZY_THRESHOLD, 1) for fuzzy. */
  score: number;
  /** The spec's name that was matched (label or synonym), as the spec writes it. */
  matched: string;
}

export interface CandidateName {
  text: string;
  how: "exact" | "synonym" | "code";
}

export interface Candidate<K> {
  key: K;
  names: CandidateName[];
}

interface PreparedName extends CandidateName {
  normalized: string;
}

export interface PreparedCandidate<K> {
  key: K;
  names: PreparedName[];
}

export const FUZZY_THRESHOLD = 0.6;

/** Normalise candidate names once, not per line. */
export function prepare<K>(candidates: Candidate<K>[]): PreparedCandidate<K>[] {
  return candidates.map((c) => ({
    key: c.key,
    names: c.names
      .map((n) => ({ ...n, normalized: n.how === "code" ? n.text.trim() : normalizeLabel(n.text) }))
      .filter((n) => n.normalized !== ""),
  }));
}

/**
 * Every candidate the label could mean, best first: exact and synonym matches on the
 * normalised text, then fuzzy ones (containment or edit distance) at or above the threshold.
 * `normalized` is the label already passed through normalizeLabel.
 */
export function matchName<K>(normalized: string, candidates: PreparedCandidate<K>[]): NameMatch<K>[] {
  if (normalized === "") return [];
  const out: NameMatch<K>[] = [];
  for (const c of candidates) {
    let best: NameMatch<K> | undefined;
    for (const n of c.names) {
      if (n.how === "code") continue;
      const m: NameMatch<K> | undefined =
        n.normalized === normalized
          ? { key: c.key, how: n.how, score: 1, matched: n.text }
          : fuzzy(normalized, n.normalized, c.key, n.text);
      if (m && (!best || m.score > best.score || (m.score === best.score && rank(m.how) < rank(best.how)))) best = m;
    }
    if (best) out.push(best);
  }
  return out.sort((a, b) => b.score - a.score || rank(a.how) - rank(b.how));
}

/** Candidates whose code names equal the 科目编码. */
export function matchCode<K>(code: string, candidates: PreparedCandidate<K>[]): NameMatch<K>[] {
  const out: NameMatch<K>[] = [];
  for (const c of candidates) {
    const n = c.names.find((x) => x.how === "code" && x.normalized === code);
    if (n) out.push({ key: c.key, how: "code", score: 1, matched: n.text });
  }
  return out;
}

function rank(how: MatchHow): number {
  return how === "exact" ? 0 : how === "code" ? 1 : how === "synonym" ? 2 : 3;
}

function fuzzy<K>(a: string, b: string, key: K, matched: string): NameMatch<K> | undefined {
  const score = similarity(a, b);
  return score >= FUZZY_THRESHOLD ? { key, how: "fuzzy", score, matched } : undefined;
}

const MAX_EDIT_LENGTH = 40;

/**
 * How alike two normalised labels are, in [0, 1]. One containing the other (2+ characters)
 * scores 0.7–0.95 by how much of the longer it covers; otherwise 1 − edit distance / length.
 * Labels with digits never match fuzzily: 301 and 302 are different 科目, not a typo.
 */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a === "" || b === "" || /\d/.test(a) || /\d/.test(b)) return 0;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 2 && long.includes(short)) return 0.7 + 0.25 * (short.length / long.length);
  if (long.length > MAX_EDIT_LENGTH) return 0;
  return 1 - editDistance(short, long) / long.length;
}

/**
 * Levenshtein distance over code points, two rows of memory. Choosing a table compares every
 * header with every column name of every table, so code points are read as numbers and the
 * rows are reused rather than allocated per comparison.
 */
export function editDistance(a: string, b: string): number {
  const x = codePoints(a, 0);
  const y = codePoints(b, 1);
  const m = x.length;
  const n = y.length;
  let prev = rowBuffer(n + 1, 0);
  let curr = rowBuffer(n + 1, 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    curr[0] = i;
    const xi = x[i - 1];
    for (let j = 1; j <= n; j++) {
      const cost = xi === y[j - 1] ? 0 : 1;
      curr[j] = Math.min(prev[j] + 1, curr[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[n];
}

const rows: [Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64)];
function rowBuffer(length: number, which: 0 | 1): Int32Array {
  if (rows[which].length < length) rows[which] = new Int32Array(length * 2);
  return rows[which];
}

const points: [number[], number[]] = [[], []];
/** The code points of s, in a reused array (two: one per argument of editDistance). */
function codePoints(s: string, which: 0 | 1): number[] {
  const out = points[which];
  out.length = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.codePointAt(k)!;
    out.push(c);
    if (c > 0xffff) k++;
  }
  return out;
}

/** Chinese description of a match for the plan: 精确 / 同义词「…」 / 科目编码 / 近似 0.87「…」. */
export function describeMatch(m: { how: MatchHow; score: number; matched: string }): string {
  switch (m.how) {
    case "exact":
      return "名称相同";
    case "synonym":
      return `同义词「${m.matched}」`;
    case "code":
      return `科目编码 ${m.matched}`;
    case "fuzzy":
      return `近似匹配「${m.matched}」（相似度 ${m.score.toFixed(2)}）`;
  }
}
