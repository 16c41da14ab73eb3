/** Renders the pane into a container: shared by the add-in page and the preview page. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import type { ReactNode } from "react";
import type { PaneBackend } from "./adapters/backend";
import { App } from "./App";
import { PaneErrorBoundary, UnhandledRejections } from "./components/PaneErrorBoundary";
import { LanguageProvider } from "./language";

/** Theme, language, and the error boundary and unhandled-rejection notice around everything shown. */
export function PaneRoot({ children, reload }: { children: ReactNode; reload?: () => void }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <LanguageProvider>
        <PaneErrorBoundary reload={reload}>
          <UnhandledRejections reload={reload} />
          {children}
        </PaneErrorBoundary>
      </LanguageProvider>
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
