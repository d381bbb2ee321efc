/**
 * Every operation of `client/operations/*.graphql`, by kind, under the name of its root field: the
 * client's method names (`client.board`, `client.moveCard`, `client.onCardChanged`). The typed
 * documents come from codegen; test/unit/client/operation-map.test.ts checks that each generated
 * document is listed once, in the map of its kind, under its root field's name.
 */
import {
  AddColumnDocument,
  AddCommentDocument,
  BoardActivityDocument,
  BoardDocument,
  CardDocument,
  CardsAssignedToMeDocument,
  ChangeRoleDocument,
  CreateBoardDocument,
  CreateCardDocument,
  DeleteBoardDocument,
  DeleteCardDocument,
  DeleteColumnDocument,
  InviteMemberDocument,
  MeDocument,
  MoveCardDocument,
  MyBoardsDocument,
  OnBoardChangedDocument,
  OnCardChangedDocument,
  OnColumnChangedDocument,
  OnCommentAddedDocument,
  OnMembershipChangedDocument,
  PublishCardChangedDocument,
  PublishColumnChangedDocument,
  PublishMembershipChangedDocument,
  RemoveMemberDocument,
  UpdateBoardDocument,
  UpdateCardDocument,
  UpdateColumnDocument,
} from './generated/operations.js';

export const queries = {
  me: MeDocument,
  myBoards: MyBoardsDocument,
  board: BoardDocument,
  card: CardDocument,
  cardsAssignedToMe: CardsAssignedToMeDocument,
  boardActivity: BoardActivityDocument,
};

export const mutations = {
  createBoard: CreateBoardDocument,
  updateBoard: UpdateBoardDocument,
  deleteBoard: DeleteBoardDocument,
  addColumn: AddColumnDocument,
  updateColumn: UpdateColumnDocument,
  deleteColumn: DeleteColumnDocument,
  createCard: CreateCardDocument,
  updateCard: UpdateCardDocument,
  moveCard: MoveCardDocument,
  deleteCard: DeleteCardDocument,
  addComment: AddCommentDocument,
  inviteMember: InviteMemberDocument,
  changeRole: ChangeRoleDocument,
  removeMember: RemoveMemberDocument,
  publishCardChanged: PublishCardChangedDocument,
  publishColumnChanged: PublishColumnChangedDocument,
  publishMembershipChanged: PublishMembershipChangedDocument,
};

export const subscriptions = {
  onCardChanged: OnCardChangedDocument,
  onColumnChanged: OnColumnChangedDocument,
  onCommentAdded: OnCommentAddedDocument,
  onBoardChanged: OnBoardChangedDocument,
  onMembershipChanged: OnMembershipChangedDocument,
};
