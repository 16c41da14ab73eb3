// The manifest's FunctionFile (commands.html). The ribbon button only opens the task pane
// (ShowTaskpane), so there is no real command yet; "noop" is registered so the function file
// has a valid handler and an ExecuteFunction control can be added later without new plumbing.

/** Completes at once; Office waits for completed() before it accepts another command. */
function noop(event: Office.AddinCommands.Event) {
  event.completed();
}

void Office.onReady();
// Registered at load, not inside onReady, so the handler exists before Office can invoke it.
Office.actions.associate("noop", noop);
