// Task-pane entry: inside Excel the pane works on the open workbook through Excel.run; opened
// in a plain browser (no Office host, or office.js unreachable) it says where to go instead of
// staying blank.
import { Body1, makeStyles, tokens } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { createBackend } from "./adapters/backend";
import { useStrings } from "./language";
import { PaneRoot, mountPane } from "./mount";

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

function NotInExcel() {
  const styles = useStyles();
  const t = useStrings();
  return (
    <main className={styles.root}>
      <h1 className={styles.title}>{t.appTitle}</h1>
      <Body1>{t.notInExcel}</Body1>
      <a href="preview.html">{t.openPreview}</a>
    </main>
  );
}

function container(): HTMLElement {
  const element = document.getElementById("container");
  if (!element) throw new Error("taskpane.html has no #container element");
  return element;
}

function start(host: Office.HostType | null) {
  if (host !== null && host === Office.HostType.Excel) {
    mountPane(container(), createBackend(Excel.run));
    return;
  }
  createRoot(container()).render(
    <PaneRoot>
      <NotInExcel />
    </PaneRoot>,
  );
}

if (typeof Office === "undefined") start(null);
else void Office.onReady((info) => start(info.host ?? null));
