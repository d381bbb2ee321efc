import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 is a dual package: without this alias vite resolves the tests' `graphql` to the
    // .mjs build while externalised dependencies get the CJS one ("another module or realm").
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/setup-websocket.ts'],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
