/** TanStack Query keys, one factory per resource, so invalidation is never a guess. */
export const queryKeys = {
  users: {
    all: ["users"] as const,
    list: () => [...queryKeys.users.all, "list"] as const,
  },
  notifications: {
    all: ["notifications"] as const,
    list: () => [...queryKeys.notifications.all, "list"] as const,
  },
  account: {
    webhook: () => ["account", "webhook"] as const,
  },
};
