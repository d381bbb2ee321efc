/**
 * Cards and columns as the GraphQL schema shows them (`Card` without `comments`, `Column` without
 * `cards`): no keys or index attributes, absent optional fields as null. Used where a stored item
 * becomes an error's `data` or an event's payload, by the APPSYNC_JS resolvers and by the Lambda
 * functions (through functions/lib/model.ts); pure, so both runtimes run it as it is.
 */
import type { ChangeType } from '../generated/schema-types.js';

export interface CardView {
  id: string;
  boardId: string;
  columnId: string;
  title: string;
  description: string | null;
  assigneeId: string | null;
  labels: string[];
  dueAt: string | null;
  position: string;
  version: number;
  createdBy: string;
  updatedBy: string;
  createdAt: string;
  updatedAt: string;
  lastChange: ChangeType;
}

/** A stored card's own attributes: the view's, with the optional ones absent rather than null. */
export type CardFields = Omit<CardView, 'description' | 'assigneeId' | 'dueAt'> & { description?: string; assigneeId?: string; dueAt?: string };

/** The GraphQL `Card` (without `comments`) of a stored card: what `publishCardChanged` takes as `CardInput`. */
export function cardView(item: CardFields): CardView {
  return {
    id: item.id,
    boardId: item.boardId,
    columnId: item.columnId,
    title: item.title,
    description: item.description ?? null,
    assigneeId: item.assigneeId ?? null,
    labels: item.labels,
    dueAt: item.dueAt ?? null,
    position: item.position,
    version: item.version,
    createdBy: item.createdBy,
    updatedBy: item.updatedBy,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    lastChange: item.lastChange,
  };
}

export interface ColumnView {
  id: string;
  boardId: string;
  name: string;
  position: number;
  wipLimit: number | null;
  /** Kept in the same transactions that add and remove cards: the WIP limit is a condition on it. */
  cardCount: number;
  lastChange: ChangeType;
  createdAt: string;
  updatedAt: string;
}

/** A stored column's own attributes: the view's, without a WIP limit rather than a null one. */
export type ColumnFields = Omit<ColumnView, 'wipLimit'> & { wipLimit?: number };

/** The GraphQL `Column` (without `cards`) of a stored column: what `publishColumnChanged` takes as `ColumnInput`. */
export function columnView(item: ColumnFields): ColumnView {
  return {
    id: item.id,
    boardId: item.boardId,
    name: item.name,
    position: item.position,
    wipLimit: item.wipLimit ?? null,
    cardCount: item.cardCount,
    lastChange: item.lastChange,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}
