/** Renders the pane into a container: shared by the add-in page and the preview page. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import type { ReactNode } from "react";
import type { PaneBackend } from "./adapters/backend";
import { App } from "./App";
import { LanguageProvider } from "./language";

export function PaneRoot({ children }: { children: ReactNode }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <LanguageProvider>{children}</LanguageProvider>
    </FluentProvider>
  );
}

export function mountPane(container: HTMLElement, backend: PaneBackend, notice?: string): void {
  createRoot(container).render(
    <PaneRoot>
      <App backend={backend} notice={notice} />
    </PaneRoot>,
  );
}
