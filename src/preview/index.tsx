// Preview page entry: the task pane on an in-memory workbook, no Excel needed (`npm start`).
import { createRoot } from "react-dom/client";
import { PaneRoot } from "../taskpane/mount";
import { PreviewApp } from "./PreviewApp";

const container = document.getElementById("preview");
if (!container) throw new Error("preview.html has no #preview element");
createRoot(container).render(
  <PaneRoot>
    <PreviewApp />
  </PaneRoot>,
);
