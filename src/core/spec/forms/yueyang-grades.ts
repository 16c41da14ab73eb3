import type { GradeBand } from "../types";

/** 评价等次 by 综合得分 as the 岳阳 form names them; the 岳阳 scoring table uses the same bands. */
export const YUEYANG_GRADES: GradeBand[] = [
  { grade: "优秀", min: "90" },
  { grade: "良好", min: "80" },
  { grade: "中", min: "60" },
  { grade: "差", min: "0" },
];
