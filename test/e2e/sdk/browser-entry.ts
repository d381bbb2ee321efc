/**
 * The SDK as a web app bundles it (esbuild, platform browser): browser.test.ts serves this bundle to
 * Chromium, where `createLiveboardClient` is the SDK's `createClient`.
 */
import { createClient } from '../../../client/index.js';

declare global {
  var createLiveboardClient: typeof createClient;
}

globalThis.createLiveboardClient = createClient;
