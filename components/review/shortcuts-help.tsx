"use client";

import { describeKeys, type Shortcut } from "./use-shortcuts";
import { Button } from "@/components/ui/button";

/** Every shortcut of the screen (opened with ?). */
export function ShortcutsHelp({ shortcuts, onClose }: { shortcuts: readonly Shortcut[]; onClose: () => void }) {
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label="Keyboard shortcuts"
      className="fixed inset-0 z-50 flex items-center justify-center bg-black/40"
    >
      {/* The backdrop closes the dialog on a click; Esc and the Close button do it from the keyboard. */}
      <button type="button" tabIndex={-1} aria-hidden="true" className="absolute inset-0 cursor-default" onClick={onClose} />
      <div className="relative w-[32rem] rounded-lg bg-white p-5 shadow-xl">
        <h2 className="text-lg font-semibold">Keyboard shortcuts</h2>
        <table className="mt-3 w-full text-sm">
          <tbody>
            {shortcuts.map((shortcut) => (
              <tr key={shortcut.label} className="border-b border-slate-100">
                <td className="py-1 pr-4 font-mono text-xs whitespace-nowrap">{describeKeys(shortcut)}</td>
                <td className="py-1">{shortcut.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Button variant="secondary" size="sm" className="mt-4" onClick={onClose}>
          Close <kbd className="text-xs">Esc</kbd>
        </Button>
      </div>
    </div>
  );
}
