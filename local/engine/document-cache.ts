/**
 * Parses and validates query documents, remembering the answer per query text: clients send the same
 * few documents over and over, and parsing plus validation cost more than executing small queries.
 */
import { GraphQLError, parse } from 'graphql';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { PositionedError } from './error-format.js';
import { syntaxError } from './request-errors.js';
import { validateDocument } from './validation/validation-errors.js';

export type PreparedDocument = { ok: true; document: DocumentNode } | { ok: false; errors: PositionedError[] };

const MAX_ENTRIES = 500;

export class DocumentCache {
  readonly #entries = new Map<string, PreparedDocument>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly introspectionDisabled: boolean,
  ) {}

  prepare(query: string): PreparedDocument {
    let prepared = this.#entries.get(query);
    if (prepared === undefined) {
      prepared = this.#prepare(query);
      if (this.#entries.size >= MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!);
      this.#entries.set(query, prepared);
    }
    return prepared;
  }

  #prepare(query: string): PreparedDocument {
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch (error) {
      if (error instanceof GraphQLError) return { ok: false, errors: [syntaxError(error, query)] };
      throw error;
    }
    const errors = validateDocument(this.schema, document, { introspectionDisabled: this.introspectionDisabled });
    return errors.length > 0 ? { ok: false, errors } : { ok: true, document };
  }
}
