/** A running import: laying out new list entries first (no step count), then the writes. */
import { ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import { fill } from "../../i18n";
import { useStrings } from "../../language";
import type { Progress } from "./useImport";

const useStyles = makeStyles({
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase200 },
});

export function ImportProgress({ progress }: { progress: Progress }) {
  const styles = useStyles();
  const t = useStrings();
  return (
    <div className={styles.progress}>
      <span id="import-progress-label">
        {progress.adding
          ? fill(t.importAddingEntries, { count: progress.adding })
          : fill(t.importProgress, { done: progress.done, total: progress.total })}
      </span>
      <ProgressBar
        value={progress.adding ? undefined : progress.total === 0 ? 1 : progress.done / progress.total}
        aria-labelledby="import-progress-label"
        data-testid="import-progress"
      />
    </div>
  );
}
