import type { Registration } from "../registration";

/** Handlers of the cycle engine's stages (issue 6). */
export const cycleRegistrations: Registration[] = [];
