/** The import plan before anything is written: what goes where, what it replaces, what was left out and why. */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { ImportPlan } from "../../adapters/importer";
import { Notice, NoticeBody } from "../../components/Notice";
import { fill, type Strings } from "../../i18n";
import { useStrings } from "../../language";
import { newValueText, replaced } from "../../model/import-values";

/** Rows shown per table of the plan; the rest are counted. */
const SHOWN_ROWS = 200;

const useStyles = makeStyles({
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, textAlign: "start" },
  tableWrap: { overflowX: "auto", maxWidth: "100%" },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
      textAlign: "start",
      verticalAlign: "top",
      overflowWrap: "anywhere",
    },
    "& th": { fontWeight: tokens.fontWeightSemibold },
    // A pane narrower than four columns (320 px at 200% zoom): one block per row, each value
    // under its column's name.
    "@media (max-width: 300px)": {
      "& thead": { display: "none" },
      "& tbody, & tr, & td": { display: "block" },
      "& tr": { padding: `${tokens.spacingVerticalXS} 0`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
      "& td": { borderBottom: "none", padding: 0, whiteSpace: "normal" },
      "& td::before": { content: "attr(data-label)", fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
    },
  },
  number: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  cellAddress: { display: "block", fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground2 },
});

function replacedNote(w: ImportPlan["writes"][number], t: Strings): string {
  const before = replaced(w);
  return before.kind === "nothing" ? "" : before.kind === "same" ? t.sameAsNow : fill(t.replaces, { value: before.value });
}

export function PlanView({ plan }: { plan: ImportPlan }) {
  const styles = useStyles();
  const t = useStrings();
  const writes = plan.writes.slice(0, SHOWN_ROWS);
  const rejects = plan.rejects.slice(0, SHOWN_ROWS);
  return (
    <section aria-label={t.importPlanTitle} data-testid="import-plan">
      <h2 className={styles.heading}>{t.importPlanTitle}</h2>
      {plan.table && <p className={styles.note}>{fill(t.planTable, { title: plan.table.title, reason: plan.table.reason })}</p>}
      {plan.unit && <p className={styles.note}>{fill(t.planUnit, { unit: plan.unit.value, reason: plan.unit.reason })}</p>}
      {plan.listAdds.length > 0 && (
        <p className={styles.note}>
          {fill(t.planListAdds, { names: plan.listAdds.map((a) => a.entry.name).join("、") })}
        </p>
      )}
      {plan.findings.length > 0 && (
        <Notice intent={plan.findings.some((f) => f.severity === "error") ? "error" : "warning"}>
          <NoticeBody>
            {plan.findings.map((f, i) => (
              <div key={i}>
                {f.line !== undefined ? fill(t.lineN, { n: f.line }) : ""}
                {f.message}
              </div>
            ))}
          </NoticeBody>
        </Notice>
      )}
      <div className={styles.tableWrap}>
        <table className={styles.table} data-testid="import-writes">
          <caption className={styles.note}>{fill(t.writesCaption, { count: plan.writes.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t.colItem}</th>
              <th scope="col">{t.colSource}</th>
              <th scope="col">{t.colValue}</th>
            </tr>
          </thead>
          <tbody>
            {writes.map((w) => (
              <tr key={w.fieldId}>
                <td data-label={t.colItem}>
                  <span className={styles.cellAddress}>{w.cell}</span> {w.label}
                </td>
                <td data-label={t.colSource} className={styles.number}>
                  {w.text}
                </td>
                <td data-label={t.colValue}>
                  <span className={styles.number}>{newValueText(w)}</span>
                  {replacedNote(w, t)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {plan.writes.length > SHOWN_ROWS && <p className={styles.note}>{fill(t.andMore, { count: plan.writes.length - SHOWN_ROWS })}</p>}
      </div>
      {plan.totals.length > 0 && (
        <ul className={styles.note}>
          {plan.totals.map((total, i) => (
            <li key={i}>
              {total.label}：{total.exported}
              {total.expected !== undefined ? ` / ${total.expected}` : ""} — {t[`total_${total.status}`]}
              {total.message ? `（${total.message}）` : ""}
            </li>
          ))}
        </ul>
      )}
      <div className={styles.tableWrap}>
        <table className={styles.table} data-testid="import-rejects">
          <caption className={styles.note}>
            {plan.rejects.length === 0 ? t.noRejects : fill(t.rejectsCaption, { count: plan.rejects.length })}
          </caption>
          {plan.rejects.length > 0 && (
            <>
              <thead>
                <tr>
                  <th scope="col">{t.colLine}</th>
                  <th scope="col">{t.colText}</th>
                  <th scope="col">{t.colReason}</th>
                </tr>
              </thead>
              <tbody>
                {rejects.map((r, i) => (
                  <tr key={i}>
                    <td data-label={t.colLine} className={styles.number}>
                      {r.line}
                    </td>
                    <td data-label={t.colText}>{r.text}</td>
                    <td data-label={t.colReason}>{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </>
          )}
        </table>
        {plan.rejects.length > SHOWN_ROWS && <p className={styles.note}>{fill(t.andMore, { count: plan.rejects.length - SHOWN_ROWS })}</p>}
      </div>
    </section>
  );
}
