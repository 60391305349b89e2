import type { PayloadOf } from "@/lib/jobs/queues";

export async function handlePing(payload: PayloadOf<"ping">, context: { workerId: string }) {
  return { token: payload.token, workerId: context.workerId, at: new Date().toISOString() };
}
