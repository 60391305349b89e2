/** TanStack Query keys of the researcher's cockpit, one factory per resource. */
export const cockpitKeys = {
  backends: {
    all: ["backends"] as const,
    list: () => [...cockpitKeys.backends.all, "list"] as const,
  },
  generations: {
    all: ["generations"] as const,
    list: (filters: Record<string, string>) => [...cockpitKeys.generations.all, "list", filters] as const,
    count: (filters: Record<string, string>) => [...cockpitKeys.generations.all, "count", filters] as const,
    detail: (id: number) => [...cockpitKeys.generations.all, "detail", id] as const,
    views: () => [...cockpitKeys.generations.all, "views"] as const,
    view: (id: string) => [...cockpitKeys.generations.all, "views", id] as const,
  },
  cycles: {
    all: ["cycles"] as const,
    list: () => [...cockpitKeys.cycles.all, "list"] as const,
    progress: (id: number) => [...cockpitKeys.cycles.all, "progress", id] as const,
    errors: (id: number) => [...cockpitKeys.cycles.all, "errors", id] as const,
    training: (id: number) => [...cockpitKeys.cycles.all, "training", id] as const,
    estimate: (config: unknown) => [...cockpitKeys.cycles.all, "estimate", config] as const,
  },
  charts: {
    all: ["charts"] as const,
    trends: (runId: number | null) => [...cockpitKeys.charts.all, "trends", runId] as const,
    compare: (a: number, b: number) => [...cockpitKeys.charts.all, "compare", a, b] as const,
  },
  exports: {
    all: ["exports"] as const,
    list: () => [...cockpitKeys.exports.all, "list"] as const,
  },
};
