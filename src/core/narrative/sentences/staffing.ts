/**
 * The headcount the 岳阳 form's 编制 sentence compares with (staff.gap in its bindings). Kept
 * for 叙述核对, which still names it; the narrative itself reads it from the spec.
 */
export { STAFF_COMPARED } from "../../spec/forms/yueyang-narrative";
