/**
 * Registers every built-in platform class with the registry.
 */
import type { Registry } from './registry.js';
import { registerCollections } from './collections.js';
import { registerNumbers } from './numbers.js';
import { registerSObject } from './sobject.js';
import { registerString } from './string.js';
import { registerSystem } from './system.js';
import { registerMisc } from './misc.js';
import { registerDatetime } from './datetime.js';
import { registerJson } from './json.js';
import { registerPattern } from './pattern.js';
import { registerSchema } from './schema-tokens.js';
import { registerDatabase } from './database.js';
import { registerTriggerContext } from './trigger-context.js';
import { registerHttp } from './http.js';
import { registerTimeZone } from './timezone.js';
import { registerAsyncContexts } from './async-contexts.js';
import { registerCustomMetadata } from './custom-metadata.js';
import { registerAsyncApex } from './async-apex.js';

export function registerStdlib(reg: Registry): void {
    registerSystem(reg);
    registerString(reg);
    registerNumbers(reg);
    registerCollections(reg);
    registerSObject(reg);
    registerMisc(reg);
    registerDatetime(reg);
    registerJson(reg);
    registerPattern(reg);
    registerSchema(reg);
    registerDatabase(reg);
    registerTriggerContext(reg);
    registerHttp(reg);
    registerTimeZone(reg);
    registerAsyncContexts(reg);
    registerCustomMetadata(reg);
    registerAsyncApex(reg);
}
