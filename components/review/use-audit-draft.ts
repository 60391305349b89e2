"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { PutReviewQueueItemAuditResponse } from "@/app/api/review/queues/[queueId]/items/[itemId]/audit/route";
import { ApiError } from "../api-client";
import { reviewApi, type AuditDraft } from "./review-api";

const AUTOSAVE_DELAY_MS = 600;
const MAX_UNDO = 100;

export type SaveState =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "error"; message: string }
  /** The audit was saved elsewhere after this draft was opened: nothing more is saved until it is reloaded. */
  | { kind: "conflict"; message: string };

/** The audit as last saved: its fields and its version (null: nothing saved yet). */
export interface SavedAudit {
  draft: AuditDraft;
  version: number | null;
}

interface History {
  draft: AuditDraft;
  past: AuditDraft[];
  future: AuditDraft[];
}

interface Options {
  /** A final audit (submitted in a blind queue): no change is taken or saved. */
  readOnly: boolean;
  /** Each save's answer, in order: the caller keeps its cache of the item up to date with it. */
  onSaved: (audit: PutReviewQueueItemAuditResponse) => void;
}

/**
 * The audit being edited: every change is undoable (undo/redo stacks), and is saved a moment
 * after the last change (the whole draft, so an undo is saved like any other change).
 *
 * The draft belongs to one version of the saved audit: each save names it, saves run one after
 * another, and each moves it on. A save the server refuses because the audit changed elsewhere
 * (another tab) turns the state to "conflict" and stops saving: the person decides, by loading
 * the saved audit. A newer saved audit arriving while nothing is left unsaved replaces the draft.
 */
export function useAuditDraft(queueId: number, itemId: number, saved: SavedAudit, { readOnly, onSaved }: Options) {
  const [history, setHistory] = useState<History>({ draft: saved.draft, past: [], future: [] });
  const [saveState, setSaveState] = useState<SaveState>({ kind: "idle" });
  const dirty = useRef(false);
  const baseVersion = useRef(saved.version);
  const conflict = useRef<string | null>(null);
  const inFlight = useRef(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const latest = useRef(history.draft);
  latest.current = history.draft;
  const latestSaved = useRef(saved);
  latestSaved.current = saved;
  const readOnlyRef = useRef(readOnly);
  readOnlyRef.current = readOnly;
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const record = useCallback((step: (current: History) => History) => {
    if (readOnlyRef.current) return;
    setHistory((current) => {
      const next = step(current);
      if (next !== current) dirty.current = true;
      return next;
    });
  }, []);

  const change = useCallback(
    (update: (draft: AuditDraft) => AuditDraft) =>
      record((current) => {
        const next = update(current.draft);
        if (JSON.stringify(next) === JSON.stringify(current.draft)) return current;
        return { draft: next, past: [...current.past, current.draft].slice(-MAX_UNDO), future: [] };
      }),
    [record],
  );

  const undo = useCallback(
    () =>
      record((current) => {
        const previous = current.past.at(-1);
        if (!previous) return current;
        return { draft: previous, past: current.past.slice(0, -1), future: [current.draft, ...current.future] };
      }),
    [record],
  );

  const redo = useCallback(
    () =>
      record((current) => {
        const [next, ...rest] = current.future;
        if (!next) return current;
        return { draft: next, past: [...current.past, current.draft], future: rest };
      }),
    [record],
  );

  const flush = useCallback(
    (extra: { submit?: boolean } = {}): Promise<PutReviewQueueItemAuditResponse | null> => {
      const save = async () => {
        if (!dirty.current && !extra.submit) return null;
        if (conflict.current !== null) throw new Error(conflict.current);
        dirty.current = false;
        inFlight.current += 1;
        setSaveState({ kind: "saving" });
        try {
          const audit = await reviewApi.saveAudit(queueId, itemId, { ...latest.current, ...extra, baseVersion: baseVersion.current });
          baseVersion.current = audit.version;
          onSavedRef.current(audit);
          setSaveState({ kind: "saved", at: new Date() });
          return audit;
        } catch (error) {
          dirty.current = true;
          const message = error instanceof Error ? error.message : String(error);
          if (error instanceof ApiError && error.status === 409 && error.field === "baseVersion") {
            conflict.current = message;
            setSaveState({ kind: "conflict", message });
          } else {
            setSaveState({ kind: "error", message });
          }
          throw error;
        } finally {
          inFlight.current -= 1;
        }
      };
      // One save at a time, each from the version the one before it left.
      const result = queue.current.then(save, save);
      queue.current = result.catch(() => {});
      return result;
    },
    [queueId, itemId],
  );
  const flushRef = useRef(flush);
  flushRef.current = flush;

  // A newer saved audit than this draft's (another tab saved it; a refetch brought it): shown at
  // once when nothing here is unsaved. With unsaved changes, their save is refused as a conflict.
  useEffect(() => {
    const current = latestSaved.current;
    if (saved.version === null || saved.version <= (baseVersion.current ?? 0)) return;
    if (dirty.current || inFlight.current > 0) return;
    baseVersion.current = current.version;
    setHistory({ draft: current.draft, past: [], future: [] });
  }, [saved.version]);

  // Autosave: a timer, restarted by every change.
  // biome-ignore lint/correctness/useExhaustiveDependencies: every new draft restarts the timer, though the effect reads it through a ref
  useEffect(() => {
    if (!dirty.current || conflict.current !== null) return;
    setSaveState({ kind: "pending" });
    const timer = setTimeout(() => void flush().catch(() => {}), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [history.draft, flush]);

  // Leaving the item (a link, the back button) before the autosave fired: save what is pending.
  useEffect(
    () => () => {
      if (dirty.current && conflict.current === null) void flushRef.current().catch(() => {});
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
    readOnly,
  };
}
