/**
 * `@salesforce/gate/*` for lightning-base-components: every feature gate closed. (An open combobox gate calls
 * `attachInternals`, which throws under synthetic shadow; closed gates give the long-standing behaviour.)
 */
export default { isOpen: (): boolean => false };
