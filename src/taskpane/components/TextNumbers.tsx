/** Numeric cells holding text (usually pasted): the exact conversion on offer, never silent. */
import { Button } from "@fluentui/react-components";
import { Notice, NoticeActions, NoticeBody, NoticeTitle } from "./Notice";
import { useState } from "react";
import type { TextNumberCell } from "../../hosts/office";
import type { PaneSession } from "../adapters/backend";
import { fill } from "../i18n";
import { useStrings } from "../language";

const SHOWN = 5;

export function TextNumbers({
  cells,
  session,
  announce,
}: {
  cells: readonly TextNumberCell[];
  session: PaneSession;
  announce(text: string): void;
}) {
  const t = useStrings();
  const [busy, setBusy] = useState(false);
  if (cells.length === 0) return null;
  const canFromYuan = cells.some((c) => c.fromYuan !== undefined);

  const convert = async (sourceUnit: "asIs" | "元") => {
    setBusy(true);
    try {
      const result = await session.convertTextNumbers({ fieldIds: cells.map((c) => c.fieldId), sourceUnit });
      announce(fill(t.convertDone, { converted: result.converted.length, skipped: result.skipped.length }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Notice intent="warning">
      <NoticeBody>
        <NoticeTitle>{fill(t.textNumbersTitle, { count: cells.length })}</NoticeTitle>
        {t.textNumbersBody}
        <ul>
          {cells.slice(0, SHOWN).map((c) => (
            <li key={c.fieldId}>
              {c.address}：“{c.text}” → {c.asIs}
              {c.fromYuan !== undefined && fill(t.textNumbersOrYuan, { value: c.fromYuan })}
            </li>
          ))}
          {cells.length > SHOWN && <li>{fill(t.andMore, { count: cells.length - SHOWN })}</li>}
        </ul>
      </NoticeBody>
      <NoticeActions>
        <Button onClick={() => convert("asIs")} disabled={busy}>
          {t.convertAsIs}
        </Button>
        {canFromYuan && (
          <Button onClick={() => convert("元")} disabled={busy}>
            {t.convertFromYuan}
          </Button>
        )}
      </NoticeActions>
    </Notice>
  );
}
