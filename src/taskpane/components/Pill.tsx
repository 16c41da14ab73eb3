/**
 * A small coloured label (severity in the 校验 list, the count in the tab). Hand-made rather
 * than Fluent's Badge: measured, Badge and CounterBadge add about 3.4 KB gzipped to the pane's
 * script for what a styled span does.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

export type PillTone = "danger" | "warning" | "neutral" | "brand" | "success";

const useStyles = makeStyles({
  pill: {
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    minWidth: "1.5em",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: "nowrap",
    boxSizing: "border-box",
  },
  round: { borderRadius: tokens.borderRadiusCircular },
  danger: { backgroundColor: tokens.colorPaletteRedBackground1, color: tokens.colorPaletteRedForeground1 },
  warning: { backgroundColor: tokens.colorPaletteDarkOrangeBackground1, color: tokens.colorPaletteDarkOrangeForeground1 },
  neutral: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground2 },
  brand: { backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand },
  success: { backgroundColor: tokens.colorPaletteGreenBackground1, color: tokens.colorPaletteGreenForeground1 },
  solidDanger: { backgroundColor: tokens.colorPaletteRedBackground3, color: tokens.colorNeutralForegroundOnBrand },
});

export function Pill({
  tone,
  round,
  solid,
  children,
  hidden,
}: {
  tone: PillTone;
  round?: boolean;
  /** Stronger colours, for the count in the tab. */
  solid?: boolean;
  children: ReactNode;
  hidden?: boolean;
}) {
  const styles = useStyles();
  return (
    <span
      className={mergeClasses(styles.pill, styles[tone], solid && tone === "danger" && styles.solidDanger, round && styles.round)}
      aria-hidden={hidden}
      data-tone={tone}
    >
      {children}
    </span>
  );
}
