/** The preview page: the grid of the in-memory workbook beside the real task pane. */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { App } from "../taskpane/App";
import { Busy } from "../taskpane/components/Busy";
import { fill } from "../taskpane/i18n";
import { useStrings } from "../taskpane/language";
import { bootPreview, EMPTY, SEED_2020, type Preview } from "./boot";
import { Grid } from "./Grid";

/** The pane's width in Excel is user-sized from 320 px up; the preview shows it a little wider. */
const PANE_WIDTH = 360;

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    height: "100vh",
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  intro: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  body: {
    display: "flex",
    flexGrow: 1,
    minHeight: 0,
    "@media (max-width: 760px)": { flexDirection: "column" },
  },
  grid: { flexGrow: 1, minWidth: 0, minHeight: "40vh" },
  pane: {
    flexShrink: 0,
    width: `${PANE_WIDTH}px`,
    maxWidth: "100%",
    overflowY: "auto",
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    "@media (max-width: 760px)": { width: "auto", borderLeft: "none", borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  },
  failed: { padding: tokens.spacingHorizontalL, color: tokens.colorPaletteRedForeground1 },
});

export function PreviewApp() {
  const styles = useStyles();
  const t = useStrings();
  const [preview, setPreview] = useState<Preview>();
  const [failure, setFailure] = useState<string>();
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    // preview.html?seed=none: the template without figures, to try 导入 on an empty workbook;
    // ?seed=blank: a new workbook without the template, to try 模板.
    const which = new URLSearchParams(window.location.search).get("seed");
    const data = which === "blank" ? null : which === "none" ? EMPTY : SEED_2020;
    // Marks for the load-time measurement (test/e2e): how much of it is building the workbook.
    performance.mark("ziping:boot-start");
    bootPreview(bump, data).then(
      (ready) => {
        performance.mark("ziping:boot-end");
        setPreview(ready);
      },
      (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)),
    );
  }, [bump]);

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <h1 className={styles.title}>{t.previewTitle}</h1>
        <p className={styles.intro}>{t.previewIntro}</p>
      </header>
      {failure && <p className={styles.failed}>{fill(t.previewFailed, { reason: failure })}</p>}
      {!preview && !failure && <Busy label={t.previewLoading} />}
      {preview && (
        <div className={styles.body}>
          <main className={styles.grid}>
            <Grid workbook={preview.workbook} version={version} onEdited={bump} />
          </main>
          <aside className={styles.pane} aria-label={t.previewPaneLabel} data-testid="pane">
            <App backend={preview.backend} notice={preview.problems.join(" ") || undefined} />
          </aside>
        </div>
      )}
    </div>
  );
}
