/** The cards function: createCard, moveCard and deleteCard (placement, WIP limits; see lib/cards.ts). */
import { createCard, deleteCard, moveCard, type CardsContext, type CreateCardInput, type DeleteCardInput, type MoveCardInput } from './lib/cards.js';
import { boardFunction, type BoardFunctionEvent, type FunctionDependencies } from './lib/handler.js';

const context = (event: BoardFunctionEvent, dependencies: FunctionDependencies): CardsContext => ({ ...dependencies, actorId: event.actorId });

export const handler = boardFunction('cards', {
  createCard: (event, dependencies) => createCard(context(event, dependencies), event.arguments.input as CreateCardInput),
  moveCard: (event, dependencies) => moveCard(context(event, dependencies), event.arguments.input as MoveCardInput),
  deleteCard: (event, dependencies) => deleteCard(context(event, dependencies), event.arguments as unknown as DeleteCardInput),
});
