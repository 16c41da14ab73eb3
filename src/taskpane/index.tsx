// Task-pane entry: renders once Office is ready, or at once when office.js is absent
// (a plain browser or a test page without network), so the pane never stays blank.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./App";

function render(host: Office.HostType | null) {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container element");
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>,
  );
}

if (typeof Office === "undefined") render(null);
else void Office.onReady((info) => render(info.host ?? null));
