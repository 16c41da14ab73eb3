/**
 * The officer's own cells a re-layout would move, listed plainly (where, what, to where), and the
 * one button that agrees to it. Nothing is written until that button is pressed: the action that
 * was refused is asked again with `moveForeignContent` by `onConfirm`.
 */
import { Button } from "@fluentui/react-components";
import { useId } from "react";
import type { ContentConflict } from "../../hosts/office";
import { fill } from "../i18n";
import { useStrings } from "../language";
import { conflictLines } from "../model/conflicts";
import { Notice, NoticeActions, NoticeBody, NoticeTitle } from "./Notice";

export function ConflictConfirm({
  conflicts,
  busy,
  onConfirm,
  onCancel,
}: {
  conflicts: readonly ContentConflict[];
  busy: boolean;
  onConfirm(): void;
  onCancel?(): void;
}) {
  const t = useStrings();
  const titleId = useId();
  const lines = conflictLines(conflicts);
  if (lines.length === 0) return null;
  return (
    <Notice intent="warning" role="group" aria-labelledby={titleId} data-testid="conflicts">
      <NoticeBody>
        <span id={titleId}>
          <NoticeTitle>{fill(t.conflictsTitle, { count: lines.length })}</NoticeTitle>
        </span>
        <ul>
          {lines.map((line) => (
            <li key={line.key} data-from={line.from} data-to={line.to} data-kind={line.kind}>
              {fill(line.kind === "formulaAsIs" ? t.conflictFormula : t.conflictMoved, { from: line.from, to: line.to, content: line.content })}
            </li>
          ))}
        </ul>
        <div>{t.conflictsNotWritten}</div>
      </NoticeBody>
      <NoticeActions>
        <Button appearance="primary" onClick={onConfirm} disabled={busy} aria-describedby={titleId}>
          {t.moveAndApply}
        </Button>
        {onCancel && (
          <Button onClick={onCancel} disabled={busy}>
            {t.cancel}
          </Button>
        )}
      </NoticeActions>
    </Notice>
  );
}
