"use client";

import { useEffect, useRef } from "react";

export interface Shortcut {
  /** KeyboardEvent.key values, e.g. ["1"], ["ArrowLeft"], [" "], ["?"]. */
  keys: string[];
  /** With Ctrl or ⌘. */
  mod?: boolean;
  shift?: boolean;
  /** Shown in the help overlay. */
  label: string;
  /** Also fires while typing in a text field (only use with `mod`, or Escape). */
  inFields?: boolean;
  run: () => void;
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/** Global keyboard shortcuts for a screen (capture phase); ignored while typing in a field unless marked `inFields`. */
export function useShortcuts(shortcuts: readonly Shortcut[]): void {
  const current = useRef(shortcuts);
  useEffect(() => {
    current.current = shortcuts;
  }, [shortcuts]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.isComposing) return;
      const mod = event.ctrlKey || event.metaKey;
      const typing = isTyping(event.target);
      const shortcut = current.current.find(
        (candidate) =>
          candidate.keys.includes(event.key) &&
          Boolean(candidate.mod) === mod &&
          (candidate.shift === undefined || candidate.shift === event.shiftKey) &&
          (!typing || candidate.inFields),
      );
      if (!shortcut) return;
      // Ours first: a focused video.js control (the seek bar after a click) would otherwise take
      // digits and arrows for itself.
      event.preventDefault();
      event.stopPropagation();
      shortcut.run();
    };
    window.addEventListener("keydown", onKeyDown, { capture: true });
    return () => window.removeEventListener("keydown", onKeyDown, { capture: true });
  }, []);
}

/** How a shortcut's keys read in the help overlay. */
export function describeKeys(shortcut: Pick<Shortcut, "keys" | "mod" | "shift">): string {
  const names: Record<string, string> = { " ": "Space", ArrowLeft: "←", ArrowRight: "→", Enter: "Enter", Escape: "Esc" };
  const keys = shortcut.keys.map((key) => names[key] ?? key).join(" / ");
  return `${shortcut.mod ? "Ctrl/⌘ + " : ""}${shortcut.shift ? "Shift + " : ""}${keys}`;
}
