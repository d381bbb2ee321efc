// Node 20 has no global WebSocket; aws-appsync-subscription-link and Amplify call `new WebSocket(...)`.
import { WebSocket } from 'ws';

if (!('WebSocket' in globalThis)) {
  Object.assign(globalThis, { WebSocket });
}
