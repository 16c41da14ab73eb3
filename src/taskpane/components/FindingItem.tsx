/** One finding: a button that selects its cell (click, Enter or Space). */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../../core/check";
import { useStrings } from "../language";
import { Pill } from "./Pill";

const useStyles = makeStyles({
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    width: "100%",
    textAlign: "start",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    fontSize: tokens.fontSizeBase300,
    cursor: "pointer",
    minWidth: 0,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "1px",
    },
  },
  error: { borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteRedBorder2}` },
  warning: { borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteDarkOrangeBorder2}` },
  info: { borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorNeutralStroke1}` },
  top: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  message: { lineHeight: tokens.lineHeightBase300 },
  figures: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: 0,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  figure: { display: "flex", gap: tokens.spacingHorizontalXS },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, fontVariantNumeric: "tabular-nums" },
});

export function severityLabel(finding: ShownFinding, t: ReturnType<typeof useStrings>): string {
  if (finding.severity === "error") return t.severityError;
  if (finding.severity === "warning") {
    return finding.kind === "overspend" || finding.kind === "unbudgeted" ? t.severityOverspend : t.severityWarning;
  }
  return finding.kind === "tail" ? t.severityTail : t.severityInfo;
}

/** What an item shows: a check finding, or a 叙述核对 finding (same shape, its own kinds). */
export type ShownFinding = Pick<Finding, "ruleId" | "severity" | "cell" | "message" | "expected" | "actual" | "difference"> & {
  kind: string;
};

export interface FindingItemProps {
  finding: ShownFinding;
  onSelect(address: string): void;
  /** The badge's word when the severity's does not fit (叙述核对: 数字, 用词, …). */
  badge?: string;
}

/**
 * The 应为 / 实为 / 差额 line, where it says something the message does not. An overspend's
 * message already reads 预算…决算…超支… and 预算 is no "should be"; two cells that disagree
 * (same) leave open which one is wrong, so only their difference is shown.
 */
export function figuresOf(finding: ShownFinding, t: ReturnType<typeof useStrings>): Array<[string, string]> {
  if (finding.kind === "overspend" || finding.kind === "unbudgeted") return [];
  const all: Array<[string, string | undefined]> =
    finding.kind === "same"
      ? [[t.difference, finding.difference]]
      : [
          [t.expected, finding.expected],
          [t.actual, finding.actual],
          [t.difference, finding.difference],
        ];
  return all.filter((pair): pair is [string, string] => pair[1] !== undefined);
}

export function FindingItem({ finding, onSelect, badge }: FindingItemProps) {
  const styles = useStyles();
  const t = useStrings();
  const tone = finding.severity === "error" ? "danger" : finding.severity === "warning" ? "warning" : "neutral";
  const label = badge ?? severityLabel(finding, t);
  const figures = figuresOf(finding, t);
  return (
    <button
      type="button"
      className={`${styles.item} ${styles[finding.severity]}`}
      // A slip of the pen in the text (叙述核对: “%” with no number, a doubled word) has no cell.
      onClick={() => finding.cell && onSelect(finding.cell)}
      data-rule={finding.ruleId}
      data-severity={finding.severity}
      title={t.selectCellHint}
    >
      <span className={styles.top}>
        <Pill tone={tone}>{label}</Pill>
        <span className={styles.cell}>{finding.cell}</span>
      </span>
      <span className={styles.message}>{finding.message}</span>
      {figures.length > 0 && (
        <span className={styles.figures}>
          {figures.map(([term, value]) => (
            <span key={term} className={styles.figure}>
              <span className={styles.term}>{term}</span>
              <span className={styles.value}>{value}</span>
            </span>
          ))}
        </span>
      )}
    </button>
  );
}
