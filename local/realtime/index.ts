/** The local AppSync real-time endpoint (spec shared/spec/appsync-realtime.md). */
export { attachRealtimeEndpoint } from './endpoint.js';
export type { RealtimeEndpoint, RealtimeEndpointOptions } from './endpoint.js';
export { loadLocalCertificate } from './local-certificate.js';
export type { LocalCertificate } from './local-certificate.js';
export { DEFAULT_REALTIME_SETTINGS, realtimeSettings } from './settings.js';
export type { FilterLimits, RealtimeSettings, RealtimeSettingsInput } from './settings.js';
