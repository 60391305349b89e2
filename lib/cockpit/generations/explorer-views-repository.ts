import { z } from "zod";
import { prisma } from "@/lib/db/prisma";
import { conflict, forbidden, notFound } from "@/lib/errors/domain-error";
import { explorerFiltersSchema, filtersToQuery, readStoredFilters } from "./explorer-filters";

/** What saving or renaming a view takes: a name, and the explorer's filters as they are now. */
const explorerViewNameSchema = z.string().trim().min(1, "Name the view").max(120, "A view's name is at most 120 characters");
export const createExplorerViewSchema = z.object({ name: explorerViewNameSchema, filters: explorerFiltersSchema });
export const renameExplorerViewSchema = z.object({ name: explorerViewNameSchema });

const VIEW_SELECT = {
  id: true,
  name: true,
  ownerId: true,
  filters: true,
  createdAt: true,
  updatedAt: true,
  owner: { select: { name: true } },
} as const;

interface StoredView {
  id: number;
  name: string;
  ownerId: string;
  filters: unknown;
  createdAt: Date;
  updatedAt: Date;
  owner: { name: string };
}

/** A view as the explorer shows it: its filters re-validated (as URL query values), and whether the reader owns it. */
function present(view: StoredView, userId: string) {
  const { filters, dropped } = readStoredFilters(view.filters);
  return {
    id: view.id,
    name: view.name,
    ownerName: view.owner.name,
    mine: view.ownerId === userId,
    query: filtersToQuery(filters),
    dropped,
    createdAt: view.createdAt.toISOString(),
    updatedAt: view.updatedAt.toISOString(),
  };
}

export type ExplorerView = ReturnType<typeof present>;

/** The user's own views, by name. */
export async function listExplorerViews(userId: string): Promise<ExplorerView[]> {
  const views = await prisma().explorerView.findMany({
    where: { ownerId: userId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: VIEW_SELECT,
  });
  return views.map((view) => present(view, userId));
}

/** Saves the filters (already validated by the explorer's schema) under a name the user has not used yet. */
export async function createExplorerView(userId: string, input: z.output<typeof createExplorerViewSchema>): Promise<ExplorerView> {
  try {
    const view = await prisma().explorerView.create({
      data: { ownerId: userId, name: input.name, filters: JSON.parse(JSON.stringify(input.filters)) as object },
      select: VIEW_SELECT,
    });
    return present(view, userId);
  } catch (error) {
    throw isUniqueViolation(error) ? nameTaken(input.name) : error;
  }
}

/** Any view, for anyone who may use the explorer: a view's link is how it is shared. */
export async function getExplorerView(viewId: number, userId: string): Promise<ExplorerView> {
  const view = await prisma().explorerView.findUnique({ where: { id: viewId }, select: VIEW_SELECT });
  if (!view) throw notFound(`Saved view ${viewId}`);
  return present(view, userId);
}

export async function renameExplorerView(viewId: number, userId: string, name: string): Promise<ExplorerView> {
  await requireOwner(viewId, userId, "rename");
  try {
    const view = await prisma().explorerView.update({ where: { id: viewId }, data: { name }, select: VIEW_SELECT });
    return present(view, userId);
  } catch (error) {
    throw isUniqueViolation(error) ? nameTaken(name) : error;
  }
}

export async function deleteExplorerView(viewId: number, userId: string): Promise<void> {
  await requireOwner(viewId, userId, "delete");
  await prisma().explorerView.deleteMany({ where: { id: viewId, ownerId: userId } });
}

async function requireOwner(viewId: number, userId: string, what: "rename" | "delete"): Promise<void> {
  const view = await prisma().explorerView.findUnique({ where: { id: viewId }, select: { ownerId: true } });
  if (!view) throw notFound(`Saved view ${viewId}`);
  if (view.ownerId !== userId) throw forbidden(`Only the view's owner may ${what} it`);
}

const nameTaken = (name: string) => conflict(`You already have a view named “${name}”`, { field: "name" });

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
