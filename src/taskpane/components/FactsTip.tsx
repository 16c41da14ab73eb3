/**
 * A sentence that shows the facts behind it while hovered or focused: a tooltip laid across the
 * paragraph's width just under the sentence (a pane is narrow: a floating bubble beside a word
 * would not fit), hoverable, dismissed with Escape. Hand-made: Fluent's Tooltip brings a
 * positioning engine and a portal, measured at 14 KB gzipped.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState, type ReactNode } from "react";

const HIDE_DELAY_MS = 200;

const useStyles = makeStyles({
  sentence: {
    borderRadius: tokens.borderRadiusSmall,
    cursor: "help",
    ":hover": { backgroundColor: tokens.colorBrandBackground2 },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  active: { backgroundColor: tokens.colorBrandBackground2 },
  tip: {
    position: "absolute",
    left: 0,
    right: 0,
    zIndex: 1,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow16,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    textIndent: 0,
  },
});

export interface FactsTipProps {
  id: string;
  text: string;
  facts: ReactNode;
  /** The element the tip is placed in (position: relative), spanning the paragraph. */
  container: () => HTMLElement | null;
}

export function FactsTip({ id, text, facts, container }: FactsTipProps) {
  const styles = useStyles();
  const [top, setTop] = useState<number>();
  const anchor = useRef<HTMLSpanElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  const show = () => {
    clearTimeout(timer.current);
    const box = container();
    const at = anchor.current;
    if (!box || !at) return;
    setTop(at.getBoundingClientRect().bottom - box.getBoundingClientRect().top + 4);
  };
  const hide = () => {
    clearTimeout(timer.current);
    setTop(undefined);
  };
  // The pointer leaving does not hide the facts of the sentence that has the keyboard focus.
  const hideSoon = () => {
    clearTimeout(timer.current);
    if (anchor.current !== document.activeElement) timer.current = setTimeout(hide, HIDE_DELAY_MS);
  };
  const tipId = `facts-${id}`;

  return (
    <>
      <span
        ref={anchor}
        tabIndex={0}
        className={top === undefined ? styles.sentence : `${styles.sentence} ${styles.active}`}
        aria-describedby={top === undefined ? undefined : tipId}
        data-sentence={id}
        onMouseEnter={show}
        onMouseLeave={hideSoon}
        onFocus={show}
        onBlur={hide}
        onKeyDown={(e) => {
          if (e.key === "Escape" && top !== undefined) {
            e.stopPropagation();
            hide();
          }
        }}
      >
        {text}
      </span>
      {top !== undefined && (
        <span role="tooltip" id={tipId} className={styles.tip} style={{ top }} onMouseEnter={show} onMouseLeave={hideSoon}>
          {facts}
        </span>
      )}
    </>
  );
}
