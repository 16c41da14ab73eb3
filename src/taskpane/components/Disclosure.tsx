/**
 * A heading that opens and closes what follows it (the WAI-ARIA disclosure pattern: a button with
 * aria-expanded and aria-controls, Enter or Space toggles). Hand-made like PaneTabs: Fluent's
 * Accordion brings tabster's arrow-key navigation, which a list of findings does not need.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useId, type ReactNode } from "react";

const useStyles = makeStyles({
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  sub: { fontSize: tokens.fontSizeBase200 },
  button: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    width: "100%",
    minHeight: "28px",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    textAlign: "start",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  chevron: { display: "inline-block", width: "1em", transitionProperty: "transform", transitionDuration: tokens.durationFaster },
  closed: { transform: "rotate(-90deg)" },
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // The hidden attribute alone loses to the body's display: flex (author CSS beats the UA's [hidden]).
  closedBody: { display: "none" },
});

export interface DisclosureProps {
  /** h2 for a category, h3 for a table inside it. */
  level: 2 | 3;
  title: ReactNode;
  open: boolean;
  onToggle(): void;
  children: ReactNode;
}

export function Disclosure({ level, title, open, onToggle, children }: DisclosureProps) {
  const styles = useStyles();
  const bodyId = useId();
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <>
      <Heading className={mergeClasses(styles.heading, level === 3 && styles.sub)}>
        <button type="button" className={styles.button} aria-expanded={open} aria-controls={bodyId} onClick={onToggle}>
          <span aria-hidden className={mergeClasses(styles.chevron, !open && styles.closed)}>
            ▾
          </span>
          {title}
        </button>
      </Heading>
      <div id={bodyId} hidden={!open} className={mergeClasses(styles.body, !open && styles.closedBody)}>
        {children}
      </div>
    </>
  );
}
