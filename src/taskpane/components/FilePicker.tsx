/**
 * A button that opens the system's file dialog. The <input type=file> stays hidden and out of
 * the Tab order (the button is what a keyboard user reaches); it keeps its own accessible name
 * so assistive technology and tests can find it. The input is cleared after each pick, so
 * choosing the same file again (after fixing it in Excel) reads it again.
 */
import { Button } from "@fluentui/react-components";
import { useRef, type ReactNode } from "react";

export interface FilePickerProps {
  /** What the button says. */
  children: ReactNode;
  /** The file input's accessible name. */
  inputLabel: string;
  /** Extensions and MIME types, as the input's accept attribute. */
  accept: string;
  disabled?: boolean;
  onPick(file: File): void;
}

export function FilePicker({ children, inputLabel, accept, disabled, onPick }: FilePickerProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button onClick={() => input.current?.click()} disabled={disabled}>
        {children}
      </Button>
      <input
        ref={input}
        style={{ display: "none" }}
        type="file"
        accept={accept}
        aria-label={inputLabel}
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) onPick(file);
        }}
      />
    </>
  );
}
