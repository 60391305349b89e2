"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/roles";
import type { PatchAdminUserResponse } from "@/app/api/admin/users/[id]/route";
import type { GetAdminUsersResponse, PostAdminUsersResponse } from "@/app/api/admin/users/route";
import { apiFetch, ApiError } from "../api-client";
import { queryKeys } from "../query-keys";
import { Button } from "@/components/ui/button";

export function UserAdmin({ currentUserId }: { currentUserId: string }) {
  const queryClient = useQueryClient();
  const users = useQuery({
    queryKey: queryKeys.users.list(),
    queryFn: () => apiFetch<GetAdminUsersResponse>("/api/admin/users").then((body) => body.users),
  });
  const change = useMutation({
    mutationFn: ({ id, ...body }: { id: string; role?: Role; active?: boolean }) =>
      apiFetch<PatchAdminUserResponse>(`/api/admin/users/${encodeURIComponent(id)}`, { method: "PATCH", body: JSON.stringify(body) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.users.all }),
  });

  return (
    <div className="space-y-8">
      <NewUserForm onCreated={() => queryClient.invalidateQueries({ queryKey: queryKeys.users.all })} />
      {change.error && (
        <p role="alert" className="text-sm text-rose-700">
          {change.error.message}
        </p>
      )}
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-slate-500">
          <tr>
            <th className="py-2">Name</th>
            <th>Email</th>
            <th>Role</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.data?.map((user) => (
            <tr key={user.id} className={user.active ? "" : "text-slate-400"}>
              <td className="py-2">{user.name}</td>
              <td className="font-mono">{user.email}</td>
              <td>
                <select
                  aria-label={`Role of ${user.email}`}
                  value={user.role}
                  disabled={user.id === currentUserId}
                  onChange={(event) => change.mutate({ id: user.id, role: event.target.value as Role })}
                  className="rounded border border-slate-300 px-2 py-1"
                >
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {ROLE_LABELS[role]}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={user.id === currentUserId}
                  onClick={() => change.mutate({ id: user.id, active: !user.active })}
                >
                  {user.active ? "Deactivate" : "Reactivate"}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NewUserForm({ onCreated }: { onCreated: () => void }) {
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: (body: Record<string, FormDataEntryValue | null>) =>
      apiFetch<PostAdminUsersResponse>("/api/admin/users", { method: "POST", body: JSON.stringify(body) }),
    onSuccess: onCreated,
    onError: (error) => {
      if (error instanceof ApiError)
        setFieldErrors(Object.fromEntries(error.issues.map((issue) => [issue.field.replace(/^body\./, ""), issue.message])));
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFieldErrors({});
    const form = new FormData(event.currentTarget);
    create.mutate(Object.fromEntries(["email", "name", "role", "password"].map((key) => [key, form.get(key)])), {
      onSuccess: () => (event.target as HTMLFormElement).reset(),
    });
  }

  const field = (name: string, label: string, type = "text") => (
    <label className="block">
      <span className="text-sm text-slate-700">{label}</span>
      <input name={name} type={type} className="mt-1 w-full rounded border border-slate-300 px-2 py-1" aria-invalid={!!fieldErrors[name]} />
      {fieldErrors[name] && <span className="text-xs text-rose-700">{fieldErrors[name]}</span>}
    </label>
  );

  return (
    <form
      onSubmit={submit}
      className="grid grid-cols-5 items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
      aria-label="New user"
    >
      {field("name", "Name")}
      {field("email", "Email", "email")}
      <label className="block">
        <span className="text-sm text-slate-700">Role</span>
        <select name="role" defaultValue="ANNOTATOR" className="mt-1 w-full rounded border border-slate-300 px-2 py-1">
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </label>
      {field("password", "Initial password", "password")}
      <Button variant="primary" size="md" type="submit" disabled={create.isPending}>
        Create user
      </Button>
      {create.error && !(create.error instanceof ApiError && create.error.issues.length) && (
        <p role="alert" className="col-span-5 text-sm text-rose-700">
          {create.error.message}
        </p>
      )}
    </form>
  );
}
