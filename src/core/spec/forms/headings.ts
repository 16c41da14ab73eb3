/**
 * The built-in forms by name only: id, short name and title, without their tables, relations
 * and sentences. The pane's 报表类型 picker lists these at start and loads a form's data only
 * when the officer picks it, so a second built-in form does not grow the pane's start-up script.
 * Each form takes its heading from here, so the two cannot drift.
 */
export interface FormHeading {
  id: string;
  /** A short name the command line accepts for --form (juesuan). */
  alias?: string;
  title: string;
}

export const YUEYANG_SELF_EVAL: FormHeading = { id: "yueyang-self-eval", title: "部门整体支出绩效自评报告" };

export const MOF_BUMEN_JUESUAN: FormHeading = { id: "mof-bumen-juesuan", alias: "juesuan", title: "部门决算公开表" };

/** In the order the picker shows them; the first is the default form. */
export const builtInFormHeadings: FormHeading[] = [YUEYANG_SELF_EVAL, MOF_BUMEN_JUESUAN];
