/**
 * The board's vocabulary, as the GraphQL schema (`schema/schema.graphql`) spells its enums.
 */

export type Role = 'OWNER' | 'EDITOR' | 'VIEWER';

export type ChangeType = 'CREATED' | 'UPDATED' | 'MOVED' | 'DELETED';

export type BoardStatus = 'ACTIVE' | 'DELETING' | 'DELETED';

export type ActivityAction =
  | 'BOARD_CREATED'
  | 'BOARD_UPDATED'
  | 'COLUMN_ADDED'
  | 'COLUMN_UPDATED'
  | 'COLUMN_DELETED'
  | 'CARD_CREATED'
  | 'CARD_UPDATED'
  | 'CARD_MOVED'
  | 'CARD_DELETED'
  | 'COMMENT_ADDED'
  | 'MEMBER_INVITED'
  | 'ROLE_CHANGED'
  | 'MEMBER_REMOVED';
