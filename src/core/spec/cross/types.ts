/**
 * The same figure in two forms: a 自评 workbook and the 部门决算 it quotes report one
 * department's one year, so their 支出合计, 基本支出, 三公 items … must agree. A link is data,
 * like a form: which field of one form carries the figure a field of the other carries.
 */
export interface CrossFormPair {
  /** Stable id (findings carry it: `cross:<link>.<pair>`). */
  id: string;
  /** What the figure is, in the officer's words ("本年支出合计"). */
  label: string;
  /** Field id in the link's first form, and in its second. */
  a: string;
  b: string;
}

export interface CrossFormLink {
  id: string;
  /** Form ids: `a` fields belong to forms[0], `b` fields to forms[1]. */
  forms: [string, string];
  pairs: CrossFormPair[];
}
