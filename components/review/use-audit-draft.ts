"use client";

import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { PutReviewQueueItemAuditResponse } from "@/app/api/review/queues/[queueId]/items/[itemId]/audit/route";
import { reviewApi, type AuditDraft } from "./review-api";

const AUTOSAVE_DELAY_MS = 600;
const MAX_UNDO = 100;

export type SaveState =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "error"; message: string };

interface History {
  draft: AuditDraft;
  past: AuditDraft[];
  future: AuditDraft[];
}

/**
 * The audit being edited: every change is undoable (undo/redo stacks), and is saved a moment
 * after the last change (the whole draft, so an undo is saved like any other change).
 */
export function useAuditDraft(queueId: number, itemId: number, initial: AuditDraft) {
  const [history, setHistory] = useState<History>({ draft: initial, past: [], future: [] });
  const [saveState, setSaveState] = useState<SaveState>({ kind: "idle" });
  const dirty = useRef(false);
  const latest = useRef(history.draft);
  latest.current = history.draft;

  const save = useMutation({
    mutationFn: (body: Partial<AuditDraft> & { submit?: boolean }) => reviewApi.saveAudit(queueId, itemId, body),
  });
  const saveRef = useRef(save.mutateAsync);
  saveRef.current = save.mutateAsync;

  const change = useCallback((update: (draft: AuditDraft) => AuditDraft) => {
    setHistory((current) => {
      const next = update(current.draft);
      if (JSON.stringify(next) === JSON.stringify(current.draft)) return current;
      dirty.current = true;
      return { draft: next, past: [...current.past, current.draft].slice(-MAX_UNDO), future: [] };
    });
  }, []);

  const undo = useCallback(() => {
    setHistory((current) => {
      const previous = current.past.at(-1);
      if (!previous) return current;
      dirty.current = true;
      return { draft: previous, past: current.past.slice(0, -1), future: [current.draft, ...current.future] };
    });
  }, []);

  const redo = useCallback(() => {
    setHistory((current) => {
      const [next, ...rest] = current.future;
      if (!next) return current;
      dirty.current = true;
      return { draft: next, past: [...current.past, current.draft], future: rest };
    });
  }, []);

  const flush = useCallback(async (extra: { submit?: boolean } = {}): Promise<PutReviewQueueItemAuditResponse | null> => {
    if (!dirty.current && !extra.submit) return null;
    dirty.current = false;
    setSaveState({ kind: "saving" });
    try {
      const saved = await saveRef.current({ ...latest.current, ...extra });
      setSaveState({ kind: "saved", at: new Date() });
      return saved;
    } catch (error) {
      dirty.current = true;
      setSaveState({ kind: "error", message: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  }, []);

  // Autosave: a timer, restarted by every change.
  // biome-ignore lint/correctness/useExhaustiveDependencies: every new draft restarts the timer, though the effect reads it through a ref
  useEffect(() => {
    if (!dirty.current) return;
    setSaveState({ kind: "pending" });
    const timer = setTimeout(() => void flush().catch(() => {}), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [history.draft, flush]);

  // Leaving the item (a link, the back button) before the autosave fired: save what is pending.
  useEffect(
    () => () => {
      if (dirty.current) void saveRef.current(latest.current).catch(() => {});
    },
    [],
  );

  return {
    draft: history.draft,
    change,
    undo,
    redo,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    flush,
    submit: () => flush({ submit: true }),
    saveState,
  };
}
