/**
 * Copying text out of the pane. Office's webviews differ: some allow the async Clipboard API
 * with ClipboardItem (rich text), some only writeText, some neither (permissions policy), where
 * the old copy command still works from a click. Each way is tried in turn.
 */
export type CopyOutcome = "rich" | "plain" | "command" | "failed";

export async function copyText(plain: string, html: string): Promise<CopyOutcome> {
  const clipboard = typeof navigator !== "undefined" ? navigator.clipboard : undefined;
  if (clipboard && typeof ClipboardItem !== "undefined" && typeof clipboard.write === "function") {
    try {
      await clipboard.write([
        new ClipboardItem({
          "text/plain": new Blob([plain], { type: "text/plain" }),
          "text/html": new Blob([html], { type: "text/html" }),
        }),
      ]);
      return "rich";
    } catch {
      // Denied or unsupported type: try the next way.
    }
  }
  if (clipboard && typeof clipboard.writeText === "function") {
    try {
      await clipboard.writeText(plain);
      return "plain";
    } catch {
      // Fall through to the copy command.
    }
  }
  return copyWithCommand(plain, html) ? "command" : "failed";
}

/** document.execCommand("copy") with a copy listener that sets both formats. */
function copyWithCommand(plain: string, html: string): boolean {
  if (typeof document === "undefined") return false;
  const onCopy = (event: ClipboardEvent) => {
    event.clipboardData?.setData("text/plain", plain);
    event.clipboardData?.setData("text/html", html);
    event.preventDefault();
  };
  // The command only fires with a selection: select a throwaway element's text.
  const holder = document.createElement("textarea");
  holder.value = plain;
  holder.setAttribute("readonly", "");
  holder.style.position = "fixed";
  holder.style.opacity = "0";
  document.body.appendChild(holder);
  holder.select();
  document.addEventListener("copy", onCopy);
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    document.removeEventListener("copy", onCopy);
    holder.remove();
  }
}
