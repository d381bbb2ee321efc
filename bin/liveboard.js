#!/usr/bin/env node
// Entry point of the `liveboard` CLI. The CLI is written in TypeScript; tsx's loader lets it run
// straight from source after `npm install`, with no separate compile step.
import { register } from 'tsx/esm/api';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
const { main } = await import('../local/cli.ts');
process.exitCode = await main(process.argv.slice(2));
