/**
 * Which Subscription fields a Mutation field triggers, read from `@aws_subscribe` in the schema the engine
 * serves (spec appsync-realtime.md §4.1).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAppSyncSchema, createEngine } from '../../../local/engine/index.js';
import { subscriptionTriggers } from '../../../local/realtime/aws-subscribe.js';

const prelude = readFileSync(new URL('../../../schema/appsync.graphql', import.meta.url), 'utf8');

const sdl = `
type Post { id: ID! }
type Query { post: Post }
type Mutation { createPost: Post updatePost: Post deletePost: Post }
type Subscription {
  onCreate: Post @aws_subscribe(mutations: ["createPost"])
  onChange: Post @aws_subscribe(mutations: ["createPost", "updatePost", "createPost"])
  onDelete: Post @aws_subscribe(mutations: "deletePost")
  unlisted: Post
}
extend type Subscription {
  onExtended: Post @aws_subscribe(mutations: ["updatePost"])
}`;

describe('subscriptionTriggers', () => {
  const engine = createEngine({ schema: buildAppSyncSchema([sdl], prelude), resolvers: {} });

  it('maps each mutation to the subscription fields that list it, extensions and single values included', () => {
    expect(subscriptionTriggers(engine.schema)).toEqual(
      new Map([
        ['createPost', ['onCreate', 'onChange']],
        ['updatePost', ['onChange', 'onExtended']],
        ['deletePost', ['onDelete']],
      ]),
    );
  });

  it('reads a schema once', () => {
    expect(subscriptionTriggers(engine.schema)).toBe(subscriptionTriggers(engine.schema));
  });

  it('finds no trigger in a schema without a Subscription type', () => {
    const schema = buildAppSyncSchema(['type Query { a: String } type Mutation { b: String }'], prelude);
    expect(subscriptionTriggers(schema)).toEqual(new Map());
  });
});
