/**
 * 叙述: the generated paragraphs, live. Each sentence shows the facts behind it on hover or
 * focus; sentences with a wording choice can be switched (降低/下降/减少, 增长/增加/上升); copy a
 * paragraph or all (plain and rich text); insert into the 报告综述 area, asking before replacing
 * text that is not the pane's own.
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { Notice, NoticeActions, NoticeBody, NoticeTitle } from "../components/Notice";
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from "react";
import type { PaneBackend } from "../adapters/backend";
import { buildNarrativeView, type ParagraphView, type SentenceView, type WordingChoices } from "../adapters/narrative";
import { copyText } from "../clipboard";
import { Busy } from "../components/Busy";
import { FactsTip } from "../components/FactsTip";
import { ReportTextPanel } from "../components/ReportTextPanel";
import { VerifyPanel } from "../components/VerifyPanel";
import { fill } from "../i18n";
import { useStrings } from "../language";
import { decideInsert } from "../model/narrative-insert";
import { htmlText, plainText, type TextParagraph } from "../model/narrative-text";
import type { PaneReport } from "../useLiveReport";

// The 绩效 sentences' figures (预算调整率为53.73%，得0分) come from the scoring code, loaded with
// the 绩效评分 panel's chunk rather than the start-up script; until then the tab shows 正在读取.
type FiguresOf = typeof import("../adapters/score").builtInFigures;
const loadFiguresOf = (): Promise<FiguresOf> =>
  import(/* webpackChunkName: "pane-score" */ "../adapters/score").then(
    (m) => m.builtInFigures,
    // Without the scoring code the rest of the narrative is still worth having.
    () => () => undefined,
  );

// 导出报告（Word）: its button and the document code load apart from the pane's start-up script.
const ExportReport = lazy(() => import(/* webpackChunkName: "pane-export" */ "../components/ExportReport"));

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  paragraph: {
    position: "relative",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0, lineHeight: tokens.lineHeightBase400, textIndent: "2em" },
  missing: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
  fact: { display: "block" },
  factCell: { color: tokens.colorNeutralForeground3 },
  wordings: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  wording: { display: "flex", flexDirection: "column", gap: 0, fontSize: tokens.fontSizeBase200 },
  excerpt: { color: tokens.colorNeutralForeground2 },
  choices: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  quote: {
    maxHeight: "10em",
    overflowY: "auto",
    whiteSpace: "pre-wrap",
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
  },
});

function asText(paragraphs: readonly ParagraphView[]): TextParagraph[] {
  return paragraphs.filter((p) => p.text).map((p) => ({ title: p.title, text: p.text }));
}

function linesOf(paragraphs: readonly ParagraphView[]): string[] {
  return asText(paragraphs).flatMap((p) => [p.title ?? "", p.text]).filter(Boolean);
}

function Facts({ sentence }: { sentence: SentenceView }) {
  const styles = useStyles();
  const t = useStrings();
  if (sentence.facts.length === 0) return <>{t.noFacts}</>;
  return (
    <>
      {sentence.facts.map((f, i) => (
        <span key={i} className={styles.fact}>
          {f.label}：{f.value}
          {f.cell && <span className={styles.factCell}>（{f.cell}）</span>}
        </span>
      ))}
    </>
  );
}

function Paragraph({
  paragraph,
  onCopy,
  onChoose,
}: {
  paragraph: ParagraphView;
  onCopy(p: ParagraphView): void;
  onChoose(sentenceId: string, word: string): void;
}) {
  const styles = useStyles();
  const t = useStrings();
  const box = useRef<HTMLElement>(null);
  const [wordingOpen, setWordingOpen] = useState(false);
  const choosable = paragraph.segments.flatMap((s) => ("sentence" in s && s.sentence.wording ? [s.sentence] : []));

  return (
    <article ref={box} className={styles.paragraph} data-testid="narrative-paragraph" data-paragraph={paragraph.id}>
      <h2 className={styles.title}>{paragraph.title}</h2>
      {paragraph.segments.length > 0 && (
        <p className={styles.text}>
          {paragraph.segments.map((seg, i) =>
            "glue" in seg ? (
              <span key={`g${i}`}>{seg.glue}</span>
            ) : (
              <FactsTip
                key={seg.sentence.id}
                id={seg.sentence.id}
                text={seg.sentence.text}
                facts={<Facts sentence={seg.sentence} />}
                container={() => box.current}
              />
            ),
          )}
        </p>
      )}
      {paragraph.missing.length > 0 && (
        <>
          <p className={styles.text}>{paragraph.segments.length > 0 ? t.paragraphPartial : t.paragraphMissing}</p>
          <ul className={styles.missing}>
            {paragraph.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </>
      )}
      {paragraph.text && (
        <div className={styles.buttons}>
          <Button size="small" onClick={() => onCopy(paragraph)}>
            {t.copyParagraph}
          </Button>
          {choosable.length > 0 && (
            <Button size="small" appearance="subtle" aria-expanded={wordingOpen} onClick={() => setWordingOpen(!wordingOpen)}>
              {fill(wordingOpen ? t.hideWording : t.showWording, { count: choosable.length })}
            </Button>
          )}
        </div>
      )}
      {wordingOpen && (
        <div className={styles.wordings}>
          {choosable.map((sentence) => (
            <div key={sentence.id} className={styles.wording}>
              <span className={styles.excerpt} id={`w-${sentence.id}`}>
                {sentence.text}
              </span>
              <div role="group" aria-labelledby={`w-${sentence.id}`} className={styles.choices}>
                {sentence.wording?.options.map((word) => (
                  <Button
                    key={word}
                    size="small"
                    shape="circular"
                    appearance={word === sentence.wording?.chosen ? "primary" : "outline"}
                    aria-pressed={word === sentence.wording?.chosen}
                    onClick={() => onChoose(sentence.id, word)}
                  >
                    {word}
                  </Button>
                ))}
              </div>
            </div>
          ))}
        </div>
      )}
    </article>
  );
}

export interface NarrativeTabProps {
  backend: PaneBackend;
  report?: PaneReport;
  announce(text: string): void;
}

export function NarrativeTab({ backend, report, announce }: NarrativeTabProps) {
  const styles = useStyles();
  const t = useStrings();
  const { session } = backend;
  const [choices, setChoices] = useState<WordingChoices>({});
  const [confirm, setConfirm] = useState<{ existing: string[]; next: string[] }>();
  const [busy, setBusy] = useState(false);
  const lastWritten = useRef<string[]>();

  const [scoring, setScoring] = useState<{ figuresOf: FiguresOf }>();
  useEffect(() => {
    let mounted = true;
    void loadFiguresOf().then((figuresOf) => mounted && setScoring({ figuresOf }));
    return () => {
      mounted = false;
    };
  }, []);

  const data = report?.data;
  const figures = useMemo(() => (data && scoring ? scoring.figuresOf(session.form, data) : undefined), [session.form, data, scoring]);
  const view = useMemo(
    () => (data && scoring ? buildNarrativeView(session.form, data, choices, figures) : undefined),
    [session.form, data, scoring, figures, choices],
  );
  if (!view) return <Busy label={t.reading} />;
  const writable = view.paragraphs.filter((p) => p.text);

  const select = async (address: string) => {
    const problems = await session.selectCell(address);
    announce(problems.length > 0 ? problems.map((p) => p.message).join(" ") : fill(t.cellSelected, { cell: address }));
  };

  const copy = async (paragraphs: readonly ParagraphView[]) => {
    const text = asText(paragraphs);
    const outcome = await copyText(plainText(text), htmlText(text));
    announce(outcome === "failed" ? t.copyFailed : outcome === "plain" ? t.copiedPlain : t.copiedRich);
  };

  const write = async (lines: string[]) => {
    await backend.session.writeNarrative(lines);
    lastWritten.current = lines;
    announce(t.inserted);
  };

  const guarded = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      announce(fill(t.insertFailed, { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };

  const insert = () =>
    guarded(async () => {
      const area = await backend.session.readNarrative();
      if (!area) {
        announce(t.noNarrativeArea);
        return;
      }
      const next = linesOf(view.paragraphs);
      const decision = decideInsert(area.lines, next, lastWritten.current);
      if (decision === "same") announce(t.insertSame);
      else if (decision === "write") await write(next);
      else setConfirm({ existing: area.lines.filter((l) => l.trim()), next });
    });

  const overwrite = () => {
    const next = confirm?.next;
    setConfirm(undefined);
    if (next) void guarded(() => write(next));
  };

  return (
    <div className={styles.root}>
      {data && <VerifyPanel backend={backend} data={data} onSelect={select} announce={announce} />}
      {data && <ReportTextPanel backend={backend} data={data} announce={announce} />}
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => copy(writable)} disabled={writable.length === 0}>
          {t.copyAll}
        </Button>
        <Button onClick={insert} disabled={busy || writable.length === 0}>
          {t.insertNarrative}
        </Button>
        <Suspense fallback={null}>{data && <ExportReport form={session.form} data={data} findings={report?.findings ?? []} announce={announce} />}</Suspense>
      </div>
      {confirm && (
        <Notice intent="warning" role="alertdialog" aria-label={t.overwriteTitle}>
          <NoticeBody>
            <NoticeTitle>{t.overwriteTitle}</NoticeTitle>
            {t.overwriteBody}
            <div className={styles.quote}>{confirm.existing.join("\n")}</div>
          </NoticeBody>
          <NoticeActions>
            <Button onClick={overwrite}>{t.overwrite}</Button>
            <Button appearance="primary" onClick={() => setConfirm(undefined)}>
              {t.keepTheirs}
            </Button>
          </NoticeActions>
        </Notice>
      )}
      <p className={styles.excerpt}>{t.narrativeHint}</p>
      {view.paragraphs.map((paragraph) => (
        <Paragraph
          key={paragraph.id}
          paragraph={paragraph}
          onCopy={(p) => void copy([p])}
          onChoose={(id, word) => setChoices((prev) => ({ ...prev, [id]: word }))}
        />
      ))}
    </div>
  );
}
