/** The item screen's address: `/review/{queueId}/items/{itemId}`. */
export const itemPath = (queueId: number, itemId: number) => `/review/${queueId}/items/${itemId}`;

/** The item an address names in this queue, or null when it names none. */
export function itemIdInPath(pathname: string | null, queueId: number): number | null {
  const match = pathname?.match(/^\/review\/(\d+)\/items\/(\d+)\/?$/);
  if (!match || Number(match[1]) !== queueId) return null;
  const itemId = Number(match[2]);
  return Number.isSafeInteger(itemId) && itemId > 0 ? itemId : null;
}
