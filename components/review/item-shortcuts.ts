import type { RefObject } from "react";
import { AUDIT_VERDICTS, AUDIT_VERDICT_LABELS } from "@/lib/review/constants";
import type { VideoPlayerHandle } from "../video/types";
import type { useAuditDraft } from "./use-audit-draft";
import type { useItemActions } from "./use-item-actions";
import type { Shortcut } from "./use-shortcuts";

/** The item screen's keyboard: verdicts, spans, navigation, the player, undo, help. */
export function itemShortcuts(
  audit: ReturnType<typeof useAuditDraft>,
  actions: ReturnType<typeof useItemActions>,
  player: RefObject<VideoPlayerHandle | null>,
  toggleHelp: (open?: boolean) => void,
): Shortcut[] {
  const lastSpan = audit.draft.hallucinatedSpans.length - 1;
  // A final audit (submitted in a blind queue) takes no change: its keys say so instead.
  const edit = (run: () => void) => (audit.readOnly ? actions.refuseEdit : run);
  return [
    ...AUDIT_VERDICTS.map((verdict, index) => ({
      keys: [String(index + 1)],
      label: `Verdict: ${AUDIT_VERDICT_LABELS[verdict]}`,
      run: edit(() => audit.change((d) => ({ ...d, verdict }))),
    })),
    { keys: ["y"], label: "The label is in the answer", run: edit(() => audit.change((d) => ({ ...d, labelPresent: true }))) },
    { keys: ["n"], label: "The label is not in the answer", run: edit(() => audit.change((d) => ({ ...d, labelPresent: false }))) },
    { keys: ["h"], label: "Mark the selected text as hallucinated", run: edit(actions.markSelection) },
    {
      keys: ["t"],
      label: "Tie the last span to the video: from now, then until now",
      run: edit(() => lastSpan >= 0 && actions.tieSpan(lastSpan)),
    },
    { keys: ["Enter"], label: "Submit and go to the next item", run: () => void actions.submit() },
    { keys: ["Enter"], mod: true, inFields: true, label: "Submit (also while typing a note)", run: () => void actions.submit() },
    { keys: ["j"], label: "Next item", run: () => void actions.next() },
    { keys: ["k"], label: "Previous item", run: () => void actions.previous() },
    { keys: ["s"], label: "Skip: give this item back", run: () => void actions.skip() },
    { keys: [" "], label: "Play / pause", run: () => player.current?.togglePlay() },
    { keys: ["ArrowLeft"], label: "Back one second", run: () => player.current?.seekBy(-1) },
    { keys: ["ArrowRight"], label: "Forward one second", run: () => player.current?.seekBy(1) },
    { keys: [","], label: "Back one frame", run: () => player.current?.stepFrames(-1) },
    { keys: ["."], label: "Forward one frame", run: () => player.current?.stepFrames(1) },
    { keys: ["z"], mod: true, shift: false, label: "Undo", run: edit(audit.undo) },
    { keys: ["z", "Z"], mod: true, shift: true, label: "Redo", run: edit(audit.redo) },
    { keys: ["?"], label: "Show these shortcuts", run: () => toggleHelp() },
    {
      keys: ["Escape"],
      inFields: true,
      label: "Close this help / leave the note field",
      run: () => {
        toggleHelp(false);
        if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      },
    },
  ];
}
