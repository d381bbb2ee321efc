import { renderJavaValue } from './java-render.js';

/**
 * An input value (variable or literal) an AppSync scalar refused. `detail` is AppSync's sentence, e.g.
 * ``Unable to parse `2019` as a valid DateTime Object.``; the engine prefixes it with
 * `Variable 'x' has an invalid value. ` (spec appsync-graphql-engine.md §1.5, §2.2).
 */
export class ScalarParseError extends Error {
  constructor(
    readonly scalarName: string,
    noun: string,
    value: unknown,
  ) {
    super(`Unable to parse \`${renderJavaValue(value)}\` as a valid ${noun}.`);
  }
}

/**
 * A resolver result an AppSync scalar cannot serialise. The engine reports it as
 * `Can't serialize value (/path) : <message>` (spec §2.2, §5.1).
 */
export class ScalarSerializeError extends Error {
  constructor(
    readonly scalarName: string,
    noun: string,
    value: unknown,
  ) {
    super(`Unable to serialize \`${renderJavaValue(value)}\` as a valid ${noun}.`);
  }
}
