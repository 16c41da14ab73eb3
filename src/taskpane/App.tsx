/**
 * The task pane: four tabs over one live validation session (校验 opens first). The findings
 * count rides on the 校验 tab; a polite live region at the bottom says what an action did.
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { Suspense, lazy, useCallback, useState } from "react";
import type { PaneBackend } from "./adapters/backend";
import { PaneTabs } from "./components/PaneTabs";
import { Pill } from "./components/Pill";
import { fill } from "./i18n";
import { useLanguage } from "./language";
import { countBySeverity } from "./model/findings";
import { ChecksTab } from "./tabs/ChecksTab";
import { NarrativeTab } from "./tabs/NarrativeTab";
import { TemplateTab } from "./tabs/TemplateTab";
import { useLiveReport } from "./useLiveReport";
import { useMarkedForm } from "./useMarkedForm";
import { Busy } from "./components/Busy";

// 导入 carries the importer (about 14 KB gzipped): it loads when the tab is first opened, which
// keeps what the pane page loads at start within the script budget (test/e2e/pane.test.ts).
const ImportTab = lazy(() => import(/* webpackChunkName: "pane-import" */ "./tabs/ImportTab").then((m) => ({ default: m.ImportTab })));

export type TabId = "template" | "checks" | "narrative" | "import";
/** In the order of the work: lay out, import, check, write. */
const TABS: TabId[] = ["template", "import", "checks", "narrative"];

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
    boxSizing: "border-box",
    overflowWrap: "anywhere",
  },
  // One line at 350 px in either language: the title gives way (ellipsis), the button never wraps.
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  title: {
    margin: 0,
    minWidth: 0,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  language: { flexShrink: 0 },
  tabLabel: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  panel: { minWidth: 0 },
  srOnly: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
  status: {
    minHeight: tokens.lineHeightBase200,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
  },
});

export interface AppProps {
  backend: PaneBackend;
  /** A line shown under the title, e.g. that the page is not running inside Excel. */
  notice?: string;
}

export function App({ backend: initialBackend, notice }: AppProps) {
  const styles = useStyles();
  // Replaced when the officer picks another form in 模板: every tab then works on that form.
  const [backend, setBackend] = useState(initialBackend);
  const { strings: t, lang, setLang } = useLanguage();
  const [tab, setTab] = useState<TabId>("checks");
  // A panel is mounted when its tab is first opened, then kept (hidden), so what was typed in
  // 模板 or pasted into 导入 survives a look at 校验.
  const [opened, setOpened] = useState<ReadonlySet<TabId>>(() => new Set<TabId>(["checks", "narrative"]));
  const open = useCallback((id: TabId) => {
    setTab(id);
    setOpened((prev) => (prev.has(id) ? prev : new Set([...prev, id])));
  }, []);
  const [status, setStatus] = useState("");
  const live = useLiveReport(backend.session);
  useMarkedForm(live.report, backend, setBackend);
  const announce = useCallback((text: string) => setStatus(text), []);

  const findings = live.report?.findings ?? [];
  const counts = countBySeverity(findings);
  const badgeTone = counts.error > 0 ? "danger" : counts.warning > 0 ? "warning" : "neutral";
  const tabNames: Record<TabId, string> = {
    template: t.tabTemplate,
    checks: t.tabChecks,
    narrative: t.tabNarrative,
    import: t.tabImport,
  };

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <h1 className={styles.title} title={t.appTitle}>
          {t.appTitle}
        </h1>
        <Button
          className={styles.language}
          appearance="subtle"
          size="small"
          lang={lang === "zh" ? "en" : "zh-CN"}
          aria-label={t.switchLanguageLabel}
          onClick={() => setLang(lang === "zh" ? "en" : "zh")}
        >
          {t.switchLanguage}
        </Button>
      </header>
      {notice && <p className={styles.status}>{notice}</p>}
      <PaneTabs
        ariaLabel={t.tabsLabel}
        selected={tab}
        onSelect={open}
        tabs={TABS.map((id) => ({
          id,
          label: (
            <span className={styles.tabLabel}>
              {tabNames[id]}
              {id === "checks" && findings.length > 0 && (
                <Pill tone={badgeTone} round solid>
                  {findings.length}
                </Pill>
              )}
              {id === "checks" && live.report && (
                // Read out with the tab's name; the count alone would not say what it counts.
                <span className={styles.srOnly}>
                  {fill(t.checksTabDetail, { errors: counts.error, warnings: counts.warning, notes: counts.info })}
                </span>
              )}
            </span>
          ),
        }))}
      />
      {TABS.map((id) => (
        <section
          key={id}
          id={`panel-${id}`}
          role="tabpanel"
          aria-labelledby={`tab-${id}`}
          hidden={tab !== id}
          className={styles.panel}
        >
          {opened.has(id) && (
            <>
              {id === "template" && (
                <TemplateTab backend={backend} report={live.report} announce={announce} onChooseForm={(form) => setBackend(backend.forForm(form))} />
              )}
              {id === "checks" && (
                <ChecksTab backend={backend} live={live} announce={announce} onGoToTemplate={() => open("template")} />
              )}
              {id === "narrative" && <NarrativeTab backend={backend} report={live.report} announce={announce} />}
              {id === "import" && (
                <Suspense fallback={<Busy label={t.loadingTab} />}>
                  <ImportTab backend={backend} report={live.report} announce={announce} />
                </Suspense>
              )}
            </>
          )}
        </section>
      ))}
      <p className={styles.status} role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
