/**
 * After an import: the findings it brought and the ones it settled, compared by rule and cell
 * with the findings just before it was applied, so an import that quietly creates errors says so
 * where the officer is looking. A brought finding selects its cell, as in 校验.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../../../core/check";
import { FindingItem } from "../../components/FindingItem";
import { fill } from "../../i18n";
import { useStrings } from "../../language";
import { findingChanges, findingKey } from "../../model/finding-changes";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  resolved: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  none: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

export interface ImportChangesProps {
  before: readonly Finding[];
  after: readonly Finding[];
  onSelect(address: string): void;
}

export function ImportChanges({ before, after, onSelect }: ImportChangesProps) {
  const styles = useStyles();
  const t = useStrings();
  const { added, resolved } = findingChanges(before, after);
  return (
    <section className={styles.root} aria-label={t.importChangesTitle} data-testid="import-changes">
      {added.length === 0 && resolved.length === 0 && <p className={styles.none}>{t.importChangesNone}</p>}
      {added.length > 0 && (
        <>
          <h3 className={styles.heading}>{fill(t.importAdded, { count: added.length })}</h3>
          <ul className={styles.list} data-testid="import-added">
            {added.map((f) => (
              <li key={findingKey(f)}>
                <FindingItem finding={f} onSelect={onSelect} />
              </li>
            ))}
          </ul>
        </>
      )}
      {resolved.length > 0 && (
        <>
          <h3 className={styles.heading}>{fill(t.importResolved, { count: resolved.length })}</h3>
          <ul className={`${styles.list} ${styles.resolved}`} data-testid="import-resolved">
            {resolved.map((f) => (
              <li key={findingKey(f)}>
                <s>{f.cell}</s> {f.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
