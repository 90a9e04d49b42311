/** Local fake of the Feishu Open Platform plus the event-push side (builders + signed delivery). */
export { FeishuSimulator } from './server';
export { SimulatorData } from './simulator-data';
export { DEFAULT_IDENTITY, SimState, type SimIdentity } from './state';
export { rateLimitFault } from './faults';
export { generatedResourceSha256, generatedResourceStream } from './resource-bytes';
export { RESOURCE_LIMIT_BYTES } from './routes-files';
export { CARD_LIMIT_BYTES, PATCH_WINDOW_MS, TEXT_LIMIT_BYTES } from './messages-common';
export * as events from './events';
export * from './deliver';
export type * from './types';
export { memoryCache, sdkClientFor, type CapturedLog, type SdkCache } from './sdk-client';
export {
  CONTACT_SCOPES,
  openDepartmentId,
  sampleCollege,
  type SimContactUser,
  type SimContacts,
  type SimDepartment,
} from './contacts';
