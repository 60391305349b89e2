"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { GetNotificationsResponse } from "@/app/api/notifications/route";
import type { PostNotificationReadResponse } from "@/app/api/notifications/[id]/read/route";
import type { PostNotificationsReadAllResponse } from "@/app/api/notifications/read-all/route";
import { Badge, SimulatedBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format/formatters";
import { apiFetch } from "../api-client";
import { queryKeys } from "../query-keys";

type Item = GetNotificationsResponse["notifications"][number];

/** How often the bell asks for news: a run's end shows within this long. */
const POLL_MS = 5_000;

const EVENT_LABELS: Record<Item["event"], { label: string; tone: "success" | "warning" | "danger" | "neutral" }> = {
  DONE: { label: "Done", tone: "success" },
  NEEDS_ATTENTION: { label: "Needs attention", tone: "warning" },
  FAILED: { label: "Failed", tone: "danger" },
  CANCELLED: { label: "Cancelled", tone: "neutral" },
};

/** The bell in the main navigation: the count of unread run ends, and the list of them to open. */
export function NotificationBell() {
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const list = useQuery({
    queryKey: queryKeys.notifications.list(),
    queryFn: () => apiFetch<GetNotificationsResponse>("/api/notifications"),
    refetchInterval: POLL_MS,
  });
  const refresh = () => client.invalidateQueries({ queryKey: queryKeys.notifications.all });
  const markRead = useMutation({
    mutationFn: (id: number) => apiFetch<PostNotificationReadResponse>(`/api/notifications/${id}/read`, { method: "POST" }),
    onSettled: refresh,
  });
  const markAll = useMutation({
    mutationFn: () => apiFetch<PostNotificationsReadAllResponse>("/api/notifications/read-all", { method: "POST" }),
    onSettled: refresh,
  });
  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !panel.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  const unread = list.data?.unread ?? 0;
  const items = list.data?.notifications ?? [];
  return (
    <div ref={panel} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="notification-panel"
        aria-label={unread > 0 ? `Notifications, ${unread} unread` : "Notifications"}
        onClick={() => setOpen((was) => !was)}
        className="relative rounded px-2 py-1 text-sm text-slate-700 hover:bg-slate-100"
      >
        <span aria-hidden="true">🔔</span>
        {unread > 0 && (
          <span data-testid="notification-count" className="ml-1 rounded-full bg-rose-600 px-1.5 text-xs font-semibold text-white">
            {unread}
          </span>
        )}
      </button>
      {open && (
        <section
          id="notification-panel"
          aria-label="Notifications"
          className="absolute right-0 z-20 mt-2 w-96 rounded-lg border border-slate-200 bg-white shadow-lg"
        >
          <header className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
            <h2 className="text-sm font-semibold">Runs that ended</h2>
            <Button variant="ghost" size="xs" disabled={unread === 0 || markAll.isPending} onClick={() => markAll.mutate()}>
              Mark all read
            </Button>
          </header>
          {list.isError && (
            <p role="alert" className="px-3 py-2 text-sm text-rose-700">
              {list.error.message}
            </p>
          )}
          {items.length === 0 && !list.isError ? (
            <p className="px-3 py-4 text-sm text-slate-500">Nothing yet: the end of each run you launch shows here.</p>
          ) : (
            <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto">
              {items.map((item) => (
                <NotificationRow
                  key={item.id}
                  item={item}
                  onOpen={() => {
                    setOpen(false);
                    if (!item.read) markRead.mutate(item.id);
                  }}
                  onRead={() => markRead.mutate(item.id)}
                />
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}

function NotificationRow({ item, onOpen, onRead }: { item: Item; onOpen: () => void; onRead: () => void }) {
  const event = EVENT_LABELS[item.event];
  return (
    <li data-testid="notification" data-read={item.read} className={item.read ? "px-3 py-2" : "bg-indigo-50/60 px-3 py-2"}>
      <div className="flex items-center gap-2 text-xs text-slate-500">
        <Badge tone={event.tone}>{event.label}</Badge>
        {item.simulated && <SimulatedBadge />}
        {!item.read && <span className="font-semibold text-indigo-700">Unread</span>}
        <span className="ml-auto">{formatDateTime(item.createdAt)}</span>
      </div>
      <p className={item.read ? "mt-1 text-sm text-slate-700" : "mt-1 text-sm font-medium text-slate-900"}>{item.text}</p>
      {item.webhook && <WebhookOutcome webhook={item.webhook} />}
      <div className="mt-1 flex gap-3">
        <Link href={`/cycles/${item.cycleId}`} onClick={onOpen} className="text-sm text-indigo-700 hover:underline">
          Open the cycle
        </Link>
        {!item.read && (
          <Button variant="ghost" size="xs" onClick={onRead}>
            Mark read
          </Button>
        )}
      </div>
    </li>
  );
}

function WebhookOutcome({ webhook }: { webhook: NonNullable<Item["webhook"]> }) {
  const http = webhook.httpStatus === null ? "" : ` (HTTP ${webhook.httpStatus})`;
  const attempts = webhook.attempts === 1 ? "1 attempt" : `${webhook.attempts} attempts`;
  const text =
    webhook.status === "DELIVERED"
      ? `Webhook delivered${http}`
      : webhook.status === "PENDING"
        ? "Webhook: waiting for a worker to post it"
        : webhook.status === "RETRYING"
          ? `Webhook not delivered yet after ${attempts}, trying again: ${webhook.error ?? "unknown error"}`
          : `Webhook failed after ${attempts}: ${webhook.error ?? "unknown error"}`;
  return (
    <p data-testid="webhook-outcome" className={webhook.status === "FAILED" ? "mt-1 text-xs text-rose-700" : "mt-1 text-xs text-slate-500"}>
      {text}
    </p>
  );
}
