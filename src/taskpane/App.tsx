// Placeholder pane: proves the add-in loads (React 18 + Fluent UI v9 inside Excel).
// The pane engineer replaces this with the real UI.
import { Body1, Title1, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
});

export interface AppProps {
  /** Office's host, or null when the page runs in a plain browser. */
  host: Office.HostType | null;
}

export function App({ host }: AppProps) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title1 as="h1">自评表助手</Title1>
      <Body1>{host ? "已连接 Excel。" : "未在 Excel 中运行：请通过 Excel 加载此加载项。"}</Body1>
    </main>
  );
}
