/** "Working on it": an indeterminate bar with its words (Fluent's Spinner costs 2.8 KB gzipped more). */
import { ProgressBar, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase200 },
});

export function Busy({ label }: { label: string }) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="status">
      <ProgressBar aria-hidden />
      <span>{label}</span>
    </div>
  );
}
