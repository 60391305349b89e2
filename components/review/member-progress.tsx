"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { GetReviewQueueProgressResponse } from "@/app/api/review/queues/[queueId]/progress/route";
import { formatNumber, formatPercent } from "@/lib/format/formatters";
import { Button } from "@/components/ui/button";
import { reviewApi } from "./review-api";
import { reviewKeys } from "./query-keys";

type Member = GetReviewQueueProgressResponse["members"][number];

const REFRESH_MS = 10_000;

/**
 * Each member's progress on the queue — done, in hand, what is left of their share, pace, agreement
 * with gold — and, per member, releasing their leased items to the pool or handing them to another.
 */
export function MemberProgress({ queueId }: { queueId: number }) {
  const progress = useQuery({
    queryKey: reviewKeys.progress(queueId),
    queryFn: () => reviewApi.progress(queueId),
    refetchInterval: REFRESH_MS,
  });
  const members = progress.data?.members ?? [];
  return (
    <section className="mt-8" aria-label="Progress by person">
      <h2 className="font-semibold">Progress by person</h2>
      <p className="mt-1 text-xs text-slate-500">
        Remaining: what is left of each member&apos;s even share of items × overlap. Pace: items per hour over their latest 20 submissions.
        Gold: how many of the gold items they submitted match the known verdict. Releasing or reassigning takes their leased items away from
        them for good (like a skip).
      </p>
      {progress.isPending && <p className="mt-2 text-sm text-slate-500">Loading progress…</p>}
      {progress.isError && (
        <p role="alert" className="mt-2 text-sm text-rose-700">
          {progress.error.message}
        </p>
      )}
      {members.length > 0 && (
        <table className="mt-2 w-full text-left text-sm">
          <thead className="text-slate-500">
            <tr>
              <th className="py-1 font-normal">Person</th>
              <th className="font-normal">Done</th>
              <th className="font-normal">In hand</th>
              <th className="font-normal">Remaining</th>
              <th className="font-normal">Pace</th>
              <th className="font-normal">Gold agreement</th>
              <th className="font-normal">Their leased items</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {members.map((member) => (
              <MemberRow
                key={member.userId}
                queueId={queueId}
                member={member}
                others={members.filter((m) => m.member && m.userId !== member.userId)}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function MemberRow({ queueId, member, others }: { queueId: number; member: Member; others: Member[] }) {
  const queryClient = useQueryClient();
  const [target, setTarget] = useState("");
  const move = useMutation({
    mutationFn: () => reviewApi.reassign(queueId, { fromUserId: member.userId, toUserId: target || null }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: reviewKeys.queue(queueId) }),
  });
  const gold = member.gold;
  return (
    <tr data-testid="member-progress" data-user-id={member.userId}>
      <td className="py-1">{member.name}</td>
      <td data-testid="member-done">{member.done}</td>
      <td data-testid="member-in-hand">{member.inHand}</td>
      <td data-testid="member-remaining">{member.remaining ?? "—"}</td>
      <td data-testid="member-pace">{member.pacePerHour === null ? "—" : `${formatNumber(member.pacePerHour, 1)}/h`}</td>
      <td data-testid="member-gold">{gold.agreement === null ? "—" : `${gold.correct}/${gold.n} (${formatPercent(gold.agreement, 0)})`}</td>
      <td>
        <div className="flex items-center gap-1">
          <select
            aria-label={`Move ${member.name}'s leased items to`}
            className="rounded border border-slate-300 px-1 py-0.5 text-xs"
            value={target}
            onChange={(event) => setTarget(event.target.value)}
          >
            <option value="">the pool</option>
            {others.map((other) => (
              <option key={other.userId} value={other.userId}>
                {other.name}
              </option>
            ))}
          </select>
          <Button size="sm" variant="secondary" disabled={move.isPending} onClick={() => move.mutate()}>
            {target ? "Reassign" : "Release"}
          </Button>
          {move.data && (
            <span role="status" className="text-xs text-slate-600">
              {move.data.reassigned} reassigned, {move.data.released} released
            </span>
          )}
          {move.isError && (
            <span role="alert" className="text-xs text-rose-700">
              {move.error.message}
            </span>
          )}
        </div>
      </td>
    </tr>
  );
}
