import type { Metadata } from "next";
import { UserAdmin } from "@/components/admin/user-admin";
import { requireUser } from "@/app/_lib/require-user";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await requireUser("admin");
  return (
    <main>
      <h1 className="mb-6 text-2xl font-semibold">Users</h1>
      <UserAdmin currentUserId={user.id} />
    </main>
  );
}
