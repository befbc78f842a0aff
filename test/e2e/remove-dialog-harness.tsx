/**
 * A page with only the Remove ARRS output dialog, for the browser test: the dialog exists only inside
 * Excel, which the browser test cannot load, so it is built on its own (support.ts's buildHarness)
 * and opened from a button as the pane opens it.
 */
import { Button, FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useState } from "react";
import { createRoot } from "react-dom/client";
import RemoveDialog from "../../src/taskpane/components/RemoveDialog";

function Harness() {
  const [open, setOpen] = useState(false);
  const [said, setSaid] = useState("");
  const dark = window.matchMedia("(prefers-color-scheme: dark)").matches;
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ minHeight: "100vh" }}>
      <main style={{ padding: 16 }}>
        <h1>Remove dialog</h1>
        <Button onClick={() => setOpen(true)}>Remove ARRS output</Button>
        <p data-testid="said">{said}</p>
        <RemoveDialog open={open} onRemove={() => { setOpen(false); setSaid("removed"); }} onCancel={() => { setOpen(false); setSaid("cancelled"); }} />
      </main>
    </FluentProvider>
  );
}

createRoot(document.getElementById("root")!).render(<Harness />);
