/**
 * What Fluent UI v9 and the pane need from a browser that jsdom leaves out, installed once per
 * component test file (import it first). Each shim does the least a real browser would.
 */
import { TextDecoder, TextEncoder } from "node:util";

if (typeof window !== "undefined") {
  // Fluent's motion and media-query hooks ask for matchMedia; no query matches in a test.
  if (!window.matchMedia) {
    window.matchMedia = (query: string): MediaQueryList =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  // Fluent's overflow and positioning observe sizes; jsdom lays nothing out, so nothing changes.
  if (!("ResizeObserver" in window)) {
    class NoResize {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    Object.assign(window, { ResizeObserver: NoResize });
  }
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined;
  // The importer decodes picked files (GB18030, UTF-8) with the browser's TextDecoder.
  if (typeof globalThis.TextDecoder === "undefined") Object.assign(globalThis, { TextDecoder, TextEncoder });
}
