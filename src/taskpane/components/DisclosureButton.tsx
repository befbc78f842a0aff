/**
 * A button that shows and hides a part of the pane: it says whether the part is open (aria-expanded)
 * and which part it is (aria-controls), so a screen reader announces both. With `chevron`, an arrow
 * shows the state too.
 */
import { Button, type ButtonProps } from "@fluentui/react-components";
import { ChevronDown16Regular, ChevronRight16Regular } from "@fluentui/react-icons";

export interface DisclosureButtonProps extends Pick<ButtonProps, "size" | "className" | "children" | "aria-label"> {
  open: boolean;
  /** The id of the part shown and hidden. */
  controls: string;
  onToggle: (open: boolean) => void;
  chevron?: boolean;
}

export function DisclosureButton({ open, controls, onToggle, chevron = false, ...button }: DisclosureButtonProps) {
  return (
    <Button
      appearance="transparent"
      {...button}
      icon={chevron ? (open ? <ChevronDown16Regular /> : <ChevronRight16Regular />) : undefined}
      aria-expanded={open}
      aria-controls={controls}
      onClick={() => onToggle(!open)}
    />
  );
}
