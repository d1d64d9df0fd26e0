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

export function registerStdlib(reg: Registry): void {
  registerSystem(reg);
  registerString(reg);
  registerNumbers(reg);
  registerCollections(reg);
  registerSObject(reg);
  registerMisc(reg);
}
