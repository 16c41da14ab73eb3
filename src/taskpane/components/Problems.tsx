/** Layout problems the host found (a deleted sheet, a broken merge, …) and the repair offer. */
import { Button } from "@fluentui/react-components";
import { Notice, NoticeActions, NoticeBody, NoticeTitle } from "./Notice";
import { useState } from "react";
import type { ApplyOptions, ContentConflict, LayoutProblem } from "../../hosts/office";
import type { PaneSession } from "../adapters/backend";
import { fill } from "../i18n";
import { useStrings } from "../language";
import { refusedForConflicts } from "../model/conflicts";
import { ConflictConfirm } from "./ConflictConfirm";

export function Problems({
  problems,
  session,
  announce,
}: {
  problems: readonly LayoutProblem[];
  session: PaneSession;
  announce(text: string): void;
}) {
  const t = useStrings();
  const [busy, setBusy] = useState(false);
  /** Cells of the officer's a refused repair would move, until they agree or cancel. */
  const [conflicts, setConflicts] = useState<ContentConflict[]>();
  // noTemplate is the 模板 tab's business, not a fault.
  const shown = problems.filter((p) => p.code !== "noTemplate");
  if (shown.length === 0) return null;
  const repairable = shown.some((p) => p.repairable);

  const repair = async (options?: ApplyOptions) => {
    setBusy(true);
    try {
      const result = await session.repairLayout(options);
      setConflicts(refusedForConflicts(result.problems, result.conflicts) ? result.conflicts : undefined);
      const left = result.problems.map((p) => p.message);
      announce(
        [fill(t.repairDone, { count: result.repaired.length }), ...result.repaired, ...left].filter(Boolean).join(" "),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Notice intent="warning">
      <NoticeBody>
        <NoticeTitle>{t.problemsTitle}</NoticeTitle>
        <ul>
          {shown.map((p, i) => (
            <li key={`${p.code}-${i}`}>{p.message}</li>
          ))}
        </ul>
      </NoticeBody>
      {repairable && (
        <NoticeActions>
          <Button onClick={() => repair()} disabled={busy}>
            {t.repairLayout}
          </Button>
        </NoticeActions>
      )}
      {conflicts && (
        <ConflictConfirm
          conflicts={conflicts}
          busy={busy}
          onConfirm={() => repair({ moveForeignContent: true })}
          onCancel={() => setConflicts(undefined)}
        />
      )}
    </Notice>
  );
}
