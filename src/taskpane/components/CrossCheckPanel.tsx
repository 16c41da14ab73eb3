/**
 * 与另一工作簿核对 on the 校验 tab: the officer picks the other report's workbook (the 部门决算
 * beside this 自评, or the other way round) and sees, as a group of its own below the live
 * findings, where the two disagree on the same figure (支出合计, 基本支出, 项目支出, 三公 by item,
 * 财政拨款收入), each naming both cells; a click selects this workbook's cell. The other
 * workbook is read once; the comparison follows this one's figures as they change. The reader
 * and the comparison load on the first pick (adapters/other-workbook, chunk pane-cross); this
 * panel itself loads after the tab (chunk pane-cross-panel), so the start-up script carries none
 * of it. Its words are here rather than in i18n.ts, as ScorePanel's are.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Locate } from "../../core/check";
import { FilePicker } from "./FilePicker";
import type { FormSpec, ReportData } from "../../core/spec";
import type { Lang } from "../i18n";
import { useLanguage } from "../language";
import { FindingItem } from "./FindingItem";
import { Notice, NoticeBody, NoticeTitle } from "./Notice";
import { Pill } from "./Pill";

type Adapter = typeof import("../adapters/other-workbook");
type Other = Awaited<ReturnType<Adapter["readOtherWorkbook"]>>;

const WORDS: Record<Lang, Record<"title" | "pick" | "pickAgain" | "fileLabel" | "reading" | "agree" | "badge" | "noLink" | "notes", string>> = {
  zh: {
    title: "与另一工作簿核对",
    pick: "与另一工作簿核对…",
    pickAgain: "换一个工作簿…",
    fileLabel: "选择要核对的另一个工作簿（.xlsx）",
    reading: "正在读取…",
    agree: "两表一致：比对了 {compared} 个数字，没有不一致。",
    badge: "不一致",
    noLink: "{file} 是《{other}》，与本工作簿的《{self}》没有对应的数字可比对；请选择另一种报表（如自评表对部门决算）。",
    notes: "未比对：",
  },
  en: {
    title: "Compare with another workbook",
    pick: "Compare with another workbook…",
    pickAgain: "Choose another workbook…",
    fileLabel: "Choose the other workbook to compare (.xlsx)",
    reading: "Reading…",
    agree: "The two agree: {compared} figures compared, none differs.",
    badge: "Differs",
    noLink: "{file} is a “{other}”; it shares no figures with this “{self}”. Choose the other kind of report.",
    notes: "Not compared:",
  },
};

/** How the findings name the open workbook: the core's message is Chinese in either language. */
const THIS_WORKBOOK = "本工作簿";

const fillIn = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  file: { overflowWrap: "anywhere" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export interface CrossCheckPanelProps {
  form: FormSpec;
  data: ReportData;
  /** Where this workbook's fields are (the live report's); the template's layout when absent. */
  locate?: Locate;
  onSelect(address: string): void;
}

export function CrossCheckPanel({ form, data, locate, onSelect }: CrossCheckPanelProps) {
  const styles = useStyles();
  const words = WORDS[useLanguage().lang];
  const [loaded, setLoaded] = useState<{ adapter: Adapter; other: Other }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  const pick = async (file: File) => {
    setBusy(true);
    setFailure(undefined);
    try {
      const adapter = await import(/* webpackChunkName: "pane-cross" */ "../adapters/other-workbook");
      const other = await adapter.readOtherWorkbook(file.name, new Uint8Array(await file.arrayBuffer()));
      setLoaded({ adapter, other });
    } catch (e) {
      setLoaded(undefined);
      setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  // Recomputed from this workbook's live figures; the other workbook was read once.
  const result = useMemo(() => {
    if (!loaded) return undefined;
    const { adapter, other } = loaded;
    const here = locate ?? adapter.templateLocatorOf(form, data);
    return { here, cross: adapter.compareWorkbooks({ form, data, locate: here, source: THIS_WORKBOOK }, other) };
  }, [loaded, form, data, locate]);

  return (
    <section className={styles.root} data-testid="cross-check" aria-label={words.title}>
      <div>
        <FilePicker inputLabel={words.fileLabel} accept=".xlsx" disabled={busy} onPick={(file) => void pick(file)}>
          {busy ? words.reading : loaded ? words.pickAgain : words.pick}
        </FilePicker>
      </div>
      {failure && (
        <Notice intent="error" role="alert" data-testid="cross-failure">
          <NoticeBody>{failure}</NoticeBody>
        </Notice>
      )}
      {loaded && result && !result.cross.link && (
        <Notice intent="info" data-testid="cross-no-link">
          <NoticeBody>{fillIn(words.noLink, { file: loaded.other.file, other: loaded.other.form.title, self: form.title })}</NoticeBody>
        </Notice>
      )}
      {loaded && result?.cross.link && (
        <>
          <h2 className={styles.heading}>
            <span className={styles.file}>
              {words.title}：{loaded.other.file}
            </span>
            <Pill tone={result.cross.findings.length ? "danger" : "success"} round>
              {result.cross.findings.length}
            </Pill>
          </h2>
          {result.cross.findings.length === 0 ? (
            <Notice intent="success" data-testid="cross-agree">
              <NoticeBody>
                <NoticeTitle>{fillIn(words.agree, { compared: result.cross.compared })}</NoticeTitle>
              </NoticeBody>
            </Notice>
          ) : (
            <ul className={styles.list} data-testid="cross-findings">
              {result.cross.findings.map((finding) => (
                <li key={finding.ruleId}>
                  {/* The card's cell is this workbook's, which a click selects; the message names both. */}
                  <FindingItem finding={{ ...finding, cell: result.here(finding.fields[0]) }} onSelect={onSelect} badge={words.badge} />
                </li>
              ))}
            </ul>
          )}
          {(result.cross.skipped.length > 0 || loaded.other.notes.length > 0) && (
            <ul className={styles.notes} aria-label={words.notes} data-testid="cross-skipped">
              {[...result.cross.skipped.map((s) => s.reason), ...loaded.other.notes].map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

export default CrossCheckPanel;
