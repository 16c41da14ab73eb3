/**
 * The narrative as the officer takes it away: plain text (one paragraph a line) and the same as
 * HTML for Word/WPS, whose paste keeps the paragraphs and the customary two-character indent.
 */

export interface TextParagraph {
  /** A heading line above the paragraph, e.g. （一）部门整体收支情况; empty when none. */
  title?: string;
  text: string;
}

export function plainText(paragraphs: readonly TextParagraph[]): string {
  return paragraphs.flatMap((p) => (p.title ? [p.title, p.text] : [p.text])).join("\n");
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export function htmlText(paragraphs: readonly TextParagraph[]): string {
  const body = paragraphs
    .map((p) => {
      const title = p.title ? `<p style="font-weight:bold">${escapeHtml(p.title)}</p>` : "";
      return `${title}<p style="text-indent:2em">${escapeHtml(p.text)}</p>`;
    })
    .join("");
  return `<html><head><meta charset="utf-8"></head><body>${body}</body></html>`;
}
