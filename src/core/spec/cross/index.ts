import type { CrossFormLink } from "./types";
import { yueyangJuesuanLink } from "./yueyang-juesuan";

export type * from "./types";

/** The links between built-in forms: `check A --with B` compares the figures they pair. */
export const builtInCrossLinks: CrossFormLink[] = [yueyangJuesuanLink];
