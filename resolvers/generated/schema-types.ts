import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  AWSDate: { input: string; output: string; }
  AWSDateTime: { input: string; output: string; }
  AWSEmail: { input: string; output: string; }
  AWSIPAddress: { input: string; output: string; }
  AWSJSON: { input: string; output: string; }
  AWSPhone: { input: string; output: string; }
  AWSTime: { input: string; output: string; }
  AWSTimestamp: { input: number; output: number; }
  AWSURL: { input: string; output: string; }
};

export type Activity = {
  __typename?: 'Activity';
  action: ActivityAction;
  actorId: Scalars['ID']['output'];
  at: Scalars['AWSDateTime']['output'];
  boardId: Scalars['ID']['output'];
  cardId?: Maybe<Scalars['ID']['output']>;
  columnId?: Maybe<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  /** The member concerned by MEMBER_* and ROLE_CHANGED. */
  userId?: Maybe<Scalars['ID']['output']>;
};

export type ActivityAction =
  | 'BOARD_CREATED'
  | 'BOARD_UPDATED'
  | 'CARD_CREATED'
  | 'CARD_DELETED'
  | 'CARD_MOVED'
  | 'CARD_UPDATED'
  | 'COLUMN_ADDED'
  | 'COLUMN_DELETED'
  | 'COLUMN_UPDATED'
  | 'COMMENT_ADDED'
  | 'MEMBER_INVITED'
  | 'MEMBER_REMOVED'
  | 'ROLE_CHANGED';

export type ActivityConnection = {
  __typename?: 'ActivityConnection';
  items: Array<Activity>;
  nextToken?: Maybe<Scalars['String']['output']>;
};

export type AddColumnInput = {
  boardId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  wipLimit?: InputMaybe<Scalars['Int']['input']>;
};

export type AddCommentInput = {
  boardId: Scalars['ID']['input'];
  cardId: Scalars['ID']['input'];
  text: Scalars['String']['input'];
};

export type Board = {
  __typename?: 'Board';
  /** Ordered by position, each with its cards. Filled by board(id); null elsewhere. */
  columns?: Maybe<Array<Column>>;
  createdAt: Scalars['AWSDateTime']['output'];
  createdBy: Scalars['ID']['output'];
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Filled by board(id); null elsewhere. */
  members?: Maybe<Array<Member>>;
  /** The caller's role on this board (board and myBoards); null in change events. */
  myRole?: Maybe<Role>;
  name: Scalars['String']['output'];
  status: BoardStatus;
  updatedAt: Scalars['AWSDateTime']['output'];
};

export type BoardConnection = {
  __typename?: 'BoardConnection';
  items: Array<Board>;
  nextToken?: Maybe<Scalars['String']['output']>;
};

export type BoardStatus =
  | 'ACTIVE'
  | 'DELETED'
  /** A deletion started and was interrupted; calling deleteBoard again resumes it. */
  | 'DELETING';

export type Card = {
  __typename?: 'Card';
  assigneeId?: Maybe<Scalars['ID']['output']>;
  boardId: Scalars['ID']['output'];
  columnId: Scalars['ID']['output'];
  /** Oldest first. Filled by board(id) and card(id); null elsewhere. */
  comments?: Maybe<Array<Comment>>;
  createdAt: Scalars['AWSDateTime']['output'];
  createdBy: Scalars['ID']['output'];
  description?: Maybe<Scalars['String']['output']>;
  dueAt?: Maybe<Scalars['AWSDateTime']['output']>;
  id: Scalars['ID']['output'];
  labels: Array<Scalars['String']['output']>;
  lastChange: ChangeType;
  /** A fractional index: cards of a column sort by this string (unique within the column). */
  position: Scalars['String']['output'];
  title: Scalars['String']['output'];
  updatedAt: Scalars['AWSDateTime']['output'];
  updatedBy: Scalars['ID']['output'];
  /** Starts at 1 and grows by one with every change; pass it as expectedVersion to change the card safely. */
  version: Scalars['Int']['output'];
};

export type CardConnection = {
  __typename?: 'CardConnection';
  items: Array<Card>;
  nextToken?: Maybe<Scalars['String']['output']>;
};

/** A card as the Lambda functions publish it (publishCardChanged). */
export type CardInput = {
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  boardId: Scalars['ID']['input'];
  columnId: Scalars['ID']['input'];
  createdAt: Scalars['AWSDateTime']['input'];
  createdBy: Scalars['ID']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  dueAt?: InputMaybe<Scalars['AWSDateTime']['input']>;
  id: Scalars['ID']['input'];
  labels: Array<Scalars['String']['input']>;
  lastChange: ChangeType;
  position: Scalars['String']['input'];
  title: Scalars['String']['input'];
  updatedAt: Scalars['AWSDateTime']['input'];
  updatedBy: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};

/** What the last write did to an item; DELETED only appears in the result (and the event) of a deletion. */
export type ChangeType =
  | 'CREATED'
  | 'DELETED'
  | 'MOVED'
  | 'UPDATED';

export type Column = {
  __typename?: 'Column';
  boardId: Scalars['ID']['output'];
  cardCount: Scalars['Int']['output'];
  /** Ordered by position, top to bottom. Filled by board(id); null elsewhere. */
  cards?: Maybe<Array<Card>>;
  createdAt: Scalars['AWSDateTime']['output'];
  id: Scalars['ID']['output'];
  lastChange: ChangeType;
  name: Scalars['String']['output'];
  /** Columns are ordered by position, left to right. */
  position: Scalars['Int']['output'];
  updatedAt: Scalars['AWSDateTime']['output'];
  /** At most this many cards may be in the column; null means no limit. */
  wipLimit?: Maybe<Scalars['Int']['output']>;
};

export type ColumnInput = {
  boardId: Scalars['ID']['input'];
  cardCount: Scalars['Int']['input'];
  createdAt: Scalars['AWSDateTime']['input'];
  id: Scalars['ID']['input'];
  lastChange: ChangeType;
  name: Scalars['String']['input'];
  position: Scalars['Int']['input'];
  updatedAt: Scalars['AWSDateTime']['input'];
  wipLimit?: InputMaybe<Scalars['Int']['input']>;
};

export type Comment = {
  __typename?: 'Comment';
  authorId: Scalars['ID']['output'];
  boardId: Scalars['ID']['output'];
  cardId: Scalars['ID']['output'];
  createdAt: Scalars['AWSDateTime']['output'];
  id: Scalars['ID']['output'];
  text: Scalars['String']['output'];
};

export type CreateBoardInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
};

/** The card goes after `afterCardId`, before `beforeCardId`, or (neither given) at the end of the column. */
export type CreateCardInput = {
  afterCardId?: InputMaybe<Scalars['ID']['input']>;
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  beforeCardId?: InputMaybe<Scalars['ID']['input']>;
  boardId: Scalars['ID']['input'];
  columnId: Scalars['ID']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  dueAt?: InputMaybe<Scalars['AWSDateTime']['input']>;
  labels?: InputMaybe<Array<Scalars['String']['input']>>;
  title: Scalars['String']['input'];
};

export type Member = {
  __typename?: 'Member';
  boardId: Scalars['ID']['output'];
  /** Who invited this member (the board's creator for its first owner). */
  invitedBy: Scalars['ID']['output'];
  joinedAt: Scalars['AWSDateTime']['output'];
  lastChange: ChangeType;
  role: Role;
  updatedAt: Scalars['AWSDateTime']['output'];
  userId: Scalars['ID']['output'];
};

export type MemberInput = {
  boardId: Scalars['ID']['input'];
  invitedBy: Scalars['ID']['input'];
  joinedAt: Scalars['AWSDateTime']['input'];
  lastChange: ChangeType;
  role: Role;
  updatedAt: Scalars['AWSDateTime']['input'];
  userId: Scalars['ID']['input'];
};

/** Without expectedVersion the move applies to whatever version the card has when it is moved. */
export type MoveCardInput = {
  afterCardId?: InputMaybe<Scalars['ID']['input']>;
  beforeCardId?: InputMaybe<Scalars['ID']['input']>;
  boardId: Scalars['ID']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  toColumnId: Scalars['ID']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** EDITOR or OWNER; the column goes to the right end. */
  addColumn?: Maybe<Column>;
  /** EDITOR or OWNER. */
  addComment?: Maybe<Comment>;
  /** OWNER only; the last OWNER cannot be demoted. */
  changeRole?: Maybe<Member>;
  /** Creates the board with the caller as OWNER and three columns: To do, Doing (WIP limit 3), Done. */
  createBoard?: Maybe<Board>;
  /** EDITOR or OWNER; refused when the column is at its WIP limit. */
  createCard?: Maybe<Card>;
  /** OWNER only. Deletes everything on the board; an interrupted deletion answers DELETING and resumes when called again. */
  deleteBoard?: Maybe<Board>;
  /** EDITOR or OWNER; deletes the card's comments too. */
  deleteCard?: Maybe<Card>;
  /** EDITOR or OWNER; only an empty column can be deleted. */
  deleteColumn?: Maybe<Column>;
  /** EDITOR (inviting EDITORs and VIEWERs) or OWNER. Inviting a member again with the same role changes nothing. */
  inviteMember?: Maybe<Member>;
  /** EDITOR or OWNER; refused when the target column is at its WIP limit. */
  moveCard?: Maybe<Card>;
  /** Server-side events (Lambda functions, SigV4): a card changed other than through a card mutation. */
  publishCardChanged?: Maybe<Card>;
  /** Server-side events: a column's card count changed. */
  publishColumnChanged?: Maybe<Column>;
  /** Server-side events: a membership ended because its board was deleted. */
  publishMembershipChanged?: Maybe<Member>;
  /** OWNER, or the member themselves (leaving); the last OWNER cannot be removed. Ends the member's subscriptions on the board. */
  removeMember?: Maybe<Member>;
  /** OWNER only. */
  updateBoard?: Maybe<Board>;
  /** EDITOR or OWNER. Fails with VersionConflict (the current card in the error's data) unless expectedVersion is the card's version. */
  updateCard?: Maybe<Card>;
  /** EDITOR or OWNER. A WIP limit below the column's current card count is refused. */
  updateColumn?: Maybe<Column>;
};


export type MutationAddColumnArgs = {
  input: AddColumnInput;
};


export type MutationAddCommentArgs = {
  input: AddCommentInput;
};


export type MutationChangeRoleArgs = {
  boardId: Scalars['ID']['input'];
  role: Role;
  userId: Scalars['ID']['input'];
};


export type MutationCreateBoardArgs = {
  input: CreateBoardInput;
};


export type MutationCreateCardArgs = {
  input: CreateCardInput;
};


export type MutationDeleteBoardArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteCardArgs = {
  boardId: Scalars['ID']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
};


export type MutationDeleteColumnArgs = {
  boardId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
};


export type MutationInviteMemberArgs = {
  boardId: Scalars['ID']['input'];
  role: Role;
  userId: Scalars['ID']['input'];
};


export type MutationMoveCardArgs = {
  input: MoveCardInput;
};


export type MutationPublishCardChangedArgs = {
  card: CardInput;
};


export type MutationPublishColumnChangedArgs = {
  column: ColumnInput;
};


export type MutationPublishMembershipChangedArgs = {
  member: MemberInput;
};


export type MutationRemoveMemberArgs = {
  boardId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationUpdateBoardArgs = {
  input: UpdateBoardInput;
};


export type MutationUpdateCardArgs = {
  input: UpdateCardInput;
};


export type MutationUpdateColumnArgs = {
  input: UpdateColumnInput;
};

export type Query = {
  __typename?: 'Query';
  /** The whole board: columns → cards (by position) → comments, and members. Members only. */
  board?: Maybe<Board>;
  /** Newest first. Members only. */
  boardActivity: ActivityConnection;
  card?: Maybe<Card>;
  /** Cards assigned to the caller, soonest due first (cards without a due date last). */
  cardsAssignedToMe: CardConnection;
  me: User;
  /** Boards the caller is a member of, oldest first. */
  myBoards: BoardConnection;
};


export type QueryBoardArgs = {
  id: Scalars['ID']['input'];
};


export type QueryBoardActivityArgs = {
  boardId: Scalars['ID']['input'];
  limit?: InputMaybe<Scalars['Int']['input']>;
  nextToken?: InputMaybe<Scalars['String']['input']>;
};


export type QueryCardArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCardsAssignedToMeArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  nextToken?: InputMaybe<Scalars['String']['input']>;
};


export type QueryMyBoardsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  nextToken?: InputMaybe<Scalars['String']['input']>;
};

export type Role =
  | 'EDITOR'
  | 'OWNER'
  | 'VIEWER';

export type Subscription = {
  __typename?: 'Subscription';
  /** The board renamed or deleted. Members only. */
  onBoardChanged?: Maybe<Board>;
  /** Cards created, changed, moved or deleted on a board; with assigneeId, only cards assigned to that user. Members only. */
  onCardChanged?: Maybe<Card>;
  /** Columns added, changed or deleted, and card counts. Members only. */
  onColumnChanged?: Maybe<Column>;
  /** New comments on a board, or on one card of it. Members only. */
  onCommentAdded?: Maybe<Comment>;
  /** The caller's own memberships: invited, role changed, removed. userId must be the caller's id. */
  onMembershipChanged?: Maybe<Member>;
};


export type SubscriptionOnBoardChangedArgs = {
  id: Scalars['ID']['input'];
};


export type SubscriptionOnCardChangedArgs = {
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  boardId: Scalars['ID']['input'];
};


export type SubscriptionOnColumnChangedArgs = {
  boardId: Scalars['ID']['input'];
};


export type SubscriptionOnCommentAddedArgs = {
  boardId: Scalars['ID']['input'];
  cardId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionOnMembershipChangedArgs = {
  userId: Scalars['ID']['input'];
};

export type UpdateBoardInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Omitted fields are left as they are; null clears description, assigneeId and dueAt. */
export type UpdateCardInput = {
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  boardId: Scalars['ID']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  dueAt?: InputMaybe<Scalars['AWSDateTime']['input']>;
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  labels?: InputMaybe<Array<Scalars['String']['input']>>;
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Omitted fields are left as they are; `wipLimit: null` removes the limit. */
export type UpdateColumnInput = {
  boardId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  wipLimit?: InputMaybe<Scalars['Int']['input']>;
};

/** The signed-in user. `id` is the Cognito `sub`: the id to invite someone by. */
export type User = {
  __typename?: 'User';
  email?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  username: Scalars['String']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AWSDate: ResolverTypeWrapper<Scalars['AWSDate']['output']>;
  AWSDateTime: ResolverTypeWrapper<Scalars['AWSDateTime']['output']>;
  AWSEmail: ResolverTypeWrapper<Scalars['AWSEmail']['output']>;
  AWSIPAddress: ResolverTypeWrapper<Scalars['AWSIPAddress']['output']>;
  AWSJSON: ResolverTypeWrapper<Scalars['AWSJSON']['output']>;
  AWSPhone: ResolverTypeWrapper<Scalars['AWSPhone']['output']>;
  AWSTime: ResolverTypeWrapper<Scalars['AWSTime']['output']>;
  AWSTimestamp: ResolverTypeWrapper<Scalars['AWSTimestamp']['output']>;
  AWSURL: ResolverTypeWrapper<Scalars['AWSURL']['output']>;
  Activity: ResolverTypeWrapper<Activity>;
  ActivityAction: ActivityAction;
  ActivityConnection: ResolverTypeWrapper<ActivityConnection>;
  AddColumnInput: AddColumnInput;
  AddCommentInput: AddCommentInput;
  Board: ResolverTypeWrapper<Board>;
  BoardConnection: ResolverTypeWrapper<BoardConnection>;
  BoardStatus: BoardStatus;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Card: ResolverTypeWrapper<Card>;
  CardConnection: ResolverTypeWrapper<CardConnection>;
  CardInput: CardInput;
  ChangeType: ChangeType;
  Column: ResolverTypeWrapper<Column>;
  ColumnInput: ColumnInput;
  Comment: ResolverTypeWrapper<Comment>;
  CreateBoardInput: CreateBoardInput;
  CreateCardInput: CreateCardInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Member: ResolverTypeWrapper<Member>;
  MemberInput: MemberInput;
  MoveCardInput: MoveCardInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Role: Role;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  UpdateBoardInput: UpdateBoardInput;
  UpdateCardInput: UpdateCardInput;
  UpdateColumnInput: UpdateColumnInput;
  User: ResolverTypeWrapper<User>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AWSDate: Scalars['AWSDate']['output'];
  AWSDateTime: Scalars['AWSDateTime']['output'];
  AWSEmail: Scalars['AWSEmail']['output'];
  AWSIPAddress: Scalars['AWSIPAddress']['output'];
  AWSJSON: Scalars['AWSJSON']['output'];
  AWSPhone: Scalars['AWSPhone']['output'];
  AWSTime: Scalars['AWSTime']['output'];
  AWSTimestamp: Scalars['AWSTimestamp']['output'];
  AWSURL: Scalars['AWSURL']['output'];
  Activity: Activity;
  ActivityConnection: ActivityConnection;
  AddColumnInput: AddColumnInput;
  AddCommentInput: AddCommentInput;
  Board: Board;
  BoardConnection: BoardConnection;
  Boolean: Scalars['Boolean']['output'];
  Card: Card;
  CardConnection: CardConnection;
  CardInput: CardInput;
  Column: Column;
  ColumnInput: ColumnInput;
  Comment: Comment;
  CreateBoardInput: CreateBoardInput;
  CreateCardInput: CreateCardInput;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  Member: Member;
  MemberInput: MemberInput;
  MoveCardInput: MoveCardInput;
  Mutation: Record<PropertyKey, never>;
  Query: Record<PropertyKey, never>;
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  UpdateBoardInput: UpdateBoardInput;
  UpdateCardInput: UpdateCardInput;
  UpdateColumnInput: UpdateColumnInput;
  User: User;
};

export type Aws_Api_KeyDirectiveArgs = { };

export type Aws_Api_KeyDirectiveResolver<Result, Parent, ContextType = any, Args = Aws_Api_KeyDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Aws_AuthDirectiveArgs = {
  cognito_groups: Array<Scalars['String']['input']>;
};

export type Aws_AuthDirectiveResolver<Result, Parent, ContextType = any, Args = Aws_AuthDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Aws_Cognito_User_PoolsDirectiveArgs = {
  cognito_groups?: Maybe<Array<Scalars['String']['input']>>;
};

export type Aws_Cognito_User_PoolsDirectiveResolver<Result, Parent, ContextType = any, Args = Aws_Cognito_User_PoolsDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Aws_IamDirectiveArgs = { };

export type Aws_IamDirectiveResolver<Result, Parent, ContextType = any, Args = Aws_IamDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Aws_LambdaDirectiveArgs = { };

export type Aws_LambdaDirectiveResolver<Result, Parent, ContextType = any, Args = Aws_LambdaDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Aws_OidcDirectiveArgs = { };

export type Aws_OidcDirectiveResolver<Result, Parent, ContextType = any, Args = Aws_OidcDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Aws_SubscribeDirectiveArgs = {
  mutations: Array<Scalars['String']['input']>;
};

export type Aws_SubscribeDirectiveResolver<Result, Parent, ContextType = any, Args = Aws_SubscribeDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export interface AwsDateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['AWSDate'], any> {
  name: 'AWSDate';
}

export interface AwsDateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['AWSDateTime'], any> {
  name: 'AWSDateTime';
}

export interface AwsEmailScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['AWSEmail'], any> {
  name: 'AWSEmail';
}

export interface AwsipAddressScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['AWSIPAddress'], any> {
  name: 'AWSIPAddress';
}

export interface AwsjsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['AWSJSON'], any> {
  name: 'AWSJSON';
}

export interface AwsPhoneScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['AWSPhone'], any> {
  name: 'AWSPhone';
}

export interface AwsTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['AWSTime'], any> {
  name: 'AWSTime';
}

export interface AwsTimestampScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['AWSTimestamp'], any> {
  name: 'AWSTimestamp';
}

export interface AwsurlScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['AWSURL'], any> {
  name: 'AWSURL';
}

export type ActivityResolvers<ContextType = any, ParentType extends ResolversParentTypes['Activity'] = ResolversParentTypes['Activity']> = {
  action?: Resolver<ResolversTypes['ActivityAction'], ParentType, ContextType>;
  actorId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  boardId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  cardId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  columnId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  userId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type ActivityConnectionResolvers<ContextType = any, ParentType extends ResolversParentTypes['ActivityConnection'] = ResolversParentTypes['ActivityConnection']> = {
  items?: Resolver<Array<ResolversTypes['Activity']>, ParentType, ContextType>;
  nextToken?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type BoardResolvers<ContextType = any, ParentType extends ResolversParentTypes['Board'] = ResolversParentTypes['Board']> = {
  columns?: Resolver<Maybe<Array<ResolversTypes['Column']>>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  members?: Resolver<Maybe<Array<ResolversTypes['Member']>>, ParentType, ContextType>;
  myRole?: Resolver<Maybe<ResolversTypes['Role']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['BoardStatus'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
};

export type BoardConnectionResolvers<ContextType = any, ParentType extends ResolversParentTypes['BoardConnection'] = ResolversParentTypes['BoardConnection']> = {
  items?: Resolver<Array<ResolversTypes['Board']>, ParentType, ContextType>;
  nextToken?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CardResolvers<ContextType = any, ParentType extends ResolversParentTypes['Card'] = ResolversParentTypes['Card']> = {
  assigneeId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  boardId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  columnId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  comments?: Resolver<Maybe<Array<ResolversTypes['Comment']>>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dueAt?: Resolver<Maybe<ResolversTypes['AWSDateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  labels?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  lastChange?: Resolver<ResolversTypes['ChangeType'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  updatedBy?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CardConnectionResolvers<ContextType = any, ParentType extends ResolversParentTypes['CardConnection'] = ResolversParentTypes['CardConnection']> = {
  items?: Resolver<Array<ResolversTypes['Card']>, ParentType, ContextType>;
  nextToken?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ColumnResolvers<ContextType = any, ParentType extends ResolversParentTypes['Column'] = ResolversParentTypes['Column']> = {
  boardId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  cardCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cards?: Resolver<Maybe<Array<ResolversTypes['Card']>>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastChange?: Resolver<ResolversTypes['ChangeType'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  wipLimit?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type CommentResolvers<ContextType = any, ParentType extends ResolversParentTypes['Comment'] = ResolversParentTypes['Comment']> = {
  authorId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  boardId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  cardId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MemberResolvers<ContextType = any, ParentType extends ResolversParentTypes['Member'] = ResolversParentTypes['Member']> = {
  boardId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invitedBy?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  joinedAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  lastChange?: Resolver<ResolversTypes['ChangeType'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = any, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  addColumn?: Resolver<Maybe<ResolversTypes['Column']>, ParentType, ContextType, RequireFields<MutationAddColumnArgs, 'input'>>;
  addComment?: Resolver<Maybe<ResolversTypes['Comment']>, ParentType, ContextType, RequireFields<MutationAddCommentArgs, 'input'>>;
  changeRole?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType, RequireFields<MutationChangeRoleArgs, 'boardId' | 'role' | 'userId'>>;
  createBoard?: Resolver<Maybe<ResolversTypes['Board']>, ParentType, ContextType, RequireFields<MutationCreateBoardArgs, 'input'>>;
  createCard?: Resolver<Maybe<ResolversTypes['Card']>, ParentType, ContextType, RequireFields<MutationCreateCardArgs, 'input'>>;
  deleteBoard?: Resolver<Maybe<ResolversTypes['Board']>, ParentType, ContextType, RequireFields<MutationDeleteBoardArgs, 'id'>>;
  deleteCard?: Resolver<Maybe<ResolversTypes['Card']>, ParentType, ContextType, RequireFields<MutationDeleteCardArgs, 'boardId' | 'id'>>;
  deleteColumn?: Resolver<Maybe<ResolversTypes['Column']>, ParentType, ContextType, RequireFields<MutationDeleteColumnArgs, 'boardId' | 'id'>>;
  inviteMember?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType, RequireFields<MutationInviteMemberArgs, 'boardId' | 'role' | 'userId'>>;
  moveCard?: Resolver<Maybe<ResolversTypes['Card']>, ParentType, ContextType, RequireFields<MutationMoveCardArgs, 'input'>>;
  publishCardChanged?: Resolver<Maybe<ResolversTypes['Card']>, ParentType, ContextType, RequireFields<MutationPublishCardChangedArgs, 'card'>>;
  publishColumnChanged?: Resolver<Maybe<ResolversTypes['Column']>, ParentType, ContextType, RequireFields<MutationPublishColumnChangedArgs, 'column'>>;
  publishMembershipChanged?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType, RequireFields<MutationPublishMembershipChangedArgs, 'member'>>;
  removeMember?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType, RequireFields<MutationRemoveMemberArgs, 'boardId' | 'userId'>>;
  updateBoard?: Resolver<Maybe<ResolversTypes['Board']>, ParentType, ContextType, RequireFields<MutationUpdateBoardArgs, 'input'>>;
  updateCard?: Resolver<Maybe<ResolversTypes['Card']>, ParentType, ContextType, RequireFields<MutationUpdateCardArgs, 'input'>>;
  updateColumn?: Resolver<Maybe<ResolversTypes['Column']>, ParentType, ContextType, RequireFields<MutationUpdateColumnArgs, 'input'>>;
};

export type QueryResolvers<ContextType = any, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  board?: Resolver<Maybe<ResolversTypes['Board']>, ParentType, ContextType, RequireFields<QueryBoardArgs, 'id'>>;
  boardActivity?: Resolver<ResolversTypes['ActivityConnection'], ParentType, ContextType, RequireFields<QueryBoardActivityArgs, 'boardId'>>;
  card?: Resolver<Maybe<ResolversTypes['Card']>, ParentType, ContextType, RequireFields<QueryCardArgs, 'id'>>;
  cardsAssignedToMe?: Resolver<ResolversTypes['CardConnection'], ParentType, ContextType, Partial<QueryCardsAssignedToMeArgs>>;
  me?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  myBoards?: Resolver<ResolversTypes['BoardConnection'], ParentType, ContextType, Partial<QueryMyBoardsArgs>>;
};

export type SubscriptionResolvers<ContextType = any, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  onBoardChanged?: SubscriptionResolver<Maybe<ResolversTypes['Board']>, "onBoardChanged", ParentType, ContextType, RequireFields<SubscriptionOnBoardChangedArgs, 'id'>>;
  onCardChanged?: SubscriptionResolver<Maybe<ResolversTypes['Card']>, "onCardChanged", ParentType, ContextType, RequireFields<SubscriptionOnCardChangedArgs, 'boardId'>>;
  onColumnChanged?: SubscriptionResolver<Maybe<ResolversTypes['Column']>, "onColumnChanged", ParentType, ContextType, RequireFields<SubscriptionOnColumnChangedArgs, 'boardId'>>;
  onCommentAdded?: SubscriptionResolver<Maybe<ResolversTypes['Comment']>, "onCommentAdded", ParentType, ContextType, RequireFields<SubscriptionOnCommentAddedArgs, 'boardId'>>;
  onMembershipChanged?: SubscriptionResolver<Maybe<ResolversTypes['Member']>, "onMembershipChanged", ParentType, ContextType, RequireFields<SubscriptionOnMembershipChangedArgs, 'userId'>>;
};

export type UserResolvers<ContextType = any, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  username?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = any> = {
  AWSDate?: GraphQLScalarType;
  AWSDateTime?: GraphQLScalarType;
  AWSEmail?: GraphQLScalarType;
  AWSIPAddress?: GraphQLScalarType;
  AWSJSON?: GraphQLScalarType;
  AWSPhone?: GraphQLScalarType;
  AWSTime?: GraphQLScalarType;
  AWSTimestamp?: GraphQLScalarType;
  AWSURL?: GraphQLScalarType;
  Activity?: ActivityResolvers<ContextType>;
  ActivityConnection?: ActivityConnectionResolvers<ContextType>;
  Board?: BoardResolvers<ContextType>;
  BoardConnection?: BoardConnectionResolvers<ContextType>;
  Card?: CardResolvers<ContextType>;
  CardConnection?: CardConnectionResolvers<ContextType>;
  Column?: ColumnResolvers<ContextType>;
  Comment?: CommentResolvers<ContextType>;
  Member?: MemberResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = any> = {
  aws_api_key?: Aws_Api_KeyDirectiveResolver<any, any, ContextType>;
  aws_auth?: Aws_AuthDirectiveResolver<any, any, ContextType>;
  aws_cognito_user_pools?: Aws_Cognito_User_PoolsDirectiveResolver<any, any, ContextType>;
  aws_iam?: Aws_IamDirectiveResolver<any, any, ContextType>;
  aws_lambda?: Aws_LambdaDirectiveResolver<any, any, ContextType>;
  aws_oidc?: Aws_OidcDirectiveResolver<any, any, ContextType>;
  aws_subscribe?: Aws_SubscribeDirectiveResolver<any, any, ContextType>;
};
