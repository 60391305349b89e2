/** TanStack Query keys, one factory per resource, so invalidation is never a guess. */
export const queryKeys = {
  users: {
    all: ["users"] as const,
    list: () => [...queryKeys.users.all, "list"] as const,
  },
};
