/** The 岳阳 form's four 三公 rows; kept for 叙述核对, which still names them. */
export { SANGONG_ITEMS } from "../../spec/forms/yueyang-narrative";
