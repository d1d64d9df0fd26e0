/**
 * The offline org's public entry: what a project's scripts and tests use to open an org over their Apex and
 * metadata, run anonymous Apex and the async queue, attach a target org behind a named credential, and serve the
 * project's Lightning web components in a browser. Anything deeper is the offline org's own business.
 */
export { openOrg, beginOrgTransaction, endOrgTransaction } from './org/open-org.js';
export type { OfflineOrg } from './org/open-org.js';
export { runAnonymousBlock, drainQueue } from './org/anonymous.js';
export type { AnonymousOutcome, DebugLine, DrainOutcome } from './org/anonymous.js';
export { attachTargetOrg, targetBaseUrl } from './rest/attach-target.js';
export type { AttachedTarget, AttachOptions } from './rest/attach-target.js';
export { packageDirectories } from './testing/project.js';
export { startHost } from './host/host.js';
export type { HostOptions, HostTarget, RunningHost } from './host/host.js';
export type { ShellModel } from './host/client/model.js';
export type { Row } from './data/index.js';
