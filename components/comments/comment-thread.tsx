"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { GetGenerationCommentsResponse, PostGenerationCommentsResponse } from "@/app/api/generations/[id]/comments/route";
import { formatDateTime } from "@/lib/format/formatters";
import { Button } from "@/components/ui/button";
import { apiFetch } from "../api-client";
import { commentKeys } from "./query-keys";

type Comment = GetGenerationCommentsResponse["comments"][number];

/** The comments on one generation, threaded (a reply sits under the comment it answers), with a box to add one. */
export function CommentThread({ generationId }: { generationId: number }) {
  const comments = useQuery({
    queryKey: commentKeys.generation(generationId),
    queryFn: () => apiFetch<GetGenerationCommentsResponse>(`/api/generations/${generationId}/comments`).then((body) => body.comments),
  });
  const children = new Map<number | null, Comment[]>();
  for (const comment of comments.data ?? []) children.set(comment.parentId, [...(children.get(comment.parentId) ?? []), comment]);

  return (
    <section
      aria-labelledby={`comments-heading-${generationId}`}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      data-testid="comments"
    >
      <h2 id={`comments-heading-${generationId}`} className="text-lg font-semibold">
        Comments
      </h2>
      {comments.isPending && <p className="text-sm text-slate-500">Loading comments…</p>}
      {comments.error && (
        <p role="alert" className="text-sm text-rose-700">
          {comments.error.message}
        </p>
      )}
      {comments.data && comments.data.length === 0 && <p className="text-sm text-slate-500">No comments yet.</p>}
      <CommentList generationId={generationId} parentId={null} childrenOf={children} />
      <CommentForm generationId={generationId} parentId={null} label="Add a comment" />
    </section>
  );
}

function CommentList({
  generationId,
  parentId,
  childrenOf,
}: {
  generationId: number;
  parentId: number | null;
  childrenOf: Map<number | null, Comment[]>;
}) {
  const list = childrenOf.get(parentId) ?? [];
  if (list.length === 0) return null;
  return (
    <ul className={parentId === null ? "space-y-3" : "mt-2 space-y-2 border-l border-slate-200 pl-4"}>
      {list.map((comment) => (
        <CommentItem key={comment.id} generationId={generationId} comment={comment} childrenOf={childrenOf} />
      ))}
    </ul>
  );
}

function CommentItem({
  generationId,
  comment,
  childrenOf,
}: {
  generationId: number;
  comment: Comment;
  childrenOf: Map<number | null, Comment[]>;
}) {
  const [replying, setReplying] = useState(false);
  return (
    <li data-testid="comment" aria-label={`Comment by ${comment.author.name}`}>
      <p className="text-sm">
        <span className="font-medium">{comment.author.name}</span>{" "}
        <span className="text-slate-500">
          ({comment.author.role.toLowerCase()}, <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>)
        </span>
      </p>
      <p className="whitespace-pre-wrap text-sm text-slate-800">{comment.body}</p>
      {replying ? (
        <CommentForm
          generationId={generationId}
          parentId={comment.id}
          label={`Reply to ${comment.author.name}`}
          onDone={() => setReplying(false)}
        />
      ) : (
        <Button variant="ghost" size="sm" onClick={() => setReplying(true)}>
          Reply
        </Button>
      )}
      <CommentList generationId={generationId} parentId={comment.id} childrenOf={childrenOf} />
    </li>
  );
}

function CommentForm({
  generationId,
  parentId,
  label,
  onDone,
}: {
  generationId: number;
  parentId: number | null;
  label: string;
  onDone?: () => void;
}) {
  const queryClient = useQueryClient();
  const [body, setBody] = useState("");
  const post = useMutation({
    mutationFn: (text: string) =>
      apiFetch<PostGenerationCommentsResponse>(`/api/generations/${generationId}/comments`, {
        method: "POST",
        body: JSON.stringify({ body: text, parentId }),
      }),
    onSuccess: () => {
      setBody("");
      onDone?.();
      void queryClient.invalidateQueries({ queryKey: commentKeys.generation(generationId) });
    },
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (body.trim() !== "") post.mutate(body);
  }
  return (
    <form onSubmit={onSubmit} aria-label={label} className="mt-2 space-y-2">
      <label className="block">
        <span className="text-sm text-slate-700">{label}</span>
        <textarea
          value={body}
          onChange={(event) => setBody(event.target.value)}
          maxLength={5000}
          rows={parentId === null ? 3 : 2}
          className="mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm"
        />
      </label>
      <div className="flex items-center gap-2">
        <Button variant="primary" size="sm" type="submit" disabled={post.isPending || body.trim() === ""}>
          {post.isPending ? "Posting…" : parentId === null ? "Post comment" : "Post reply"}
        </Button>
        {onDone && (
          <Button variant="ghost" size="sm" onClick={onDone}>
            Cancel
          </Button>
        )}
        {post.error && (
          <span role="alert" className="text-sm text-rose-700">
            {post.error.message}
          </span>
        )}
      </div>
    </form>
  );
}
