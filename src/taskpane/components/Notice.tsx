/**
 * A coloured notice with a title, text and actions, in the theme's status colours. Used where
 * Fluent's MessageBar would be: measured, MessageBar with its intent icons and motion adds about
 * 7 KB gzipped to the pane's script, which the budget (baselines.md) cannot spare.
 */
import { makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";
import type { HTMLAttributes, ReactNode } from "react";

export type NoticeIntent = "info" | "success" | "warning" | "error";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid`,
    borderLeftWidth: tokens.strokeWidthThicker,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    minWidth: 0,
  },
  info: { backgroundColor: tokens.colorNeutralBackground3, ...shorthands.borderColor(tokens.colorNeutralStroke1) },
  success: { backgroundColor: tokens.colorPaletteGreenBackground1, ...shorthands.borderColor(tokens.colorPaletteGreenBorder2) },
  warning: { backgroundColor: tokens.colorPaletteDarkOrangeBackground1, ...shorthands.borderColor(tokens.colorPaletteDarkOrangeBorder2) },
  error: { backgroundColor: tokens.colorPaletteRedBackground1, ...shorthands.borderColor(tokens.colorPaletteRedBorder2) },
  title: { display: "block", fontWeight: tokens.fontWeightSemibold },
  body: { minWidth: 0, "& ul": { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL } },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export function Notice({
  intent,
  children,
  className,
  ...rest
}: { intent: NoticeIntent; children: ReactNode } & HTMLAttributes<HTMLDivElement>) {
  const styles = useStyles();
  return (
    <div {...rest} className={mergeClasses(styles.root, styles[intent], className)} data-intent={intent}>
      {children}
    </div>
  );
}

export function NoticeBody({ children }: { children: ReactNode }) {
  return <div className={useStyles().body}>{children}</div>;
}

export function NoticeTitle({ children }: { children: ReactNode }) {
  return <strong className={useStyles().title}>{children}</strong>;
}

export function NoticeActions({ children }: { children: ReactNode }) {
  return <div className={useStyles().actions}>{children}</div>;
}
