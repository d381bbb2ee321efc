/**
 * The two AWS links, loaded from the build that works where the SDK runs.
 *
 * Under Node, the CommonJS builds: the ES module build of aws-appsync-auth-link imports `Sha256` from
 * @aws-crypto/sha256-js 1.x, a CommonJS package whose re-exported names Node's ES module loader cannot
 * see, so SigV4 signing (AWS_IAM, over HTTP and for subscriptions) fails there with "Sha256 is not a
 * constructor". Browsers (through a bundler) get the ES module builds, where that import works.
 * `process.getBuiltinModule` exists only in Node (>= 20.16), so browser bundles never reach for
 * `node:module`.
 *
 * The subscription link opens its socket with the global `WebSocket`, which Node has only from version
 * 22: on Node 20 the SDK provides the `ws` package's. In browsers, the link's real-time handshake needs
 * a `Buffer` (see browser-buffer.ts).
 */
import type * as AuthLinkModule from 'aws-appsync-auth-link';
import type * as SubscriptionLinkModule from 'aws-appsync-subscription-link';
import { browserBuffer } from './browser-buffer.js';

const nodeRequire = globalThis.process?.getBuiltinModule?.('node:module')?.createRequire(import.meta.url);

if (nodeRequire !== undefined && !('WebSocket' in globalThis)) {
  Object.assign(globalThis, { WebSocket: (nodeRequire('ws') as typeof import('ws')).WebSocket });
}
if (nodeRequire === undefined && !('Buffer' in globalThis)) {
  Object.assign(globalThis, { Buffer: browserBuffer });
}

const authLinkModule: typeof AuthLinkModule = nodeRequire ? nodeRequire('aws-appsync-auth-link') : await import('aws-appsync-auth-link');
const subscriptionLinkModule: typeof SubscriptionLinkModule = nodeRequire
  ? nodeRequire('aws-appsync-subscription-link')
  : await import('aws-appsync-subscription-link');

export const { createAuthLink } = authLinkModule;
export const { createSubscriptionHandshakeLink, CONTROL_EVENTS_KEY } = subscriptionLinkModule;
