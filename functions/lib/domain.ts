/**
 * The board's vocabulary: the GraphQL schema's enums (`schema/schema.graphql`), as codegen spells them
 * for the server side (`npm run codegen` → resolvers/generated/schema-types.ts), so a schema change
 * reaches the functions' types.
 */
export type { BoardStatus, ChangeType, Role } from '../../resolvers/generated/schema-types.js';
