/**
 * `lightning/navigation` for the LWC tests: the mixin records the page reference a component navigates to, so a test
 * can read it with `getNavigateCalledWith()` (sfdx-lwc-jest's own stub forgets it).
 */
import { createTestWireAdapter } from '@salesforce/wire-service-jest-util';

export const CurrentPageReference = createTestWireAdapter(jest.fn());

let lastPageReference;
let lastReplace;

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

export const NavigationMixin = (Base) =>
    class extends Base {
        [Navigate](pageReference, replace) {
            lastPageReference = pageReference;
            lastReplace = replace;
        }
        [GenerateUrl](pageReference) {
            return Promise.resolve(`/lightning/r/${pageReference?.attributes?.recordId ?? ''}/view`);
        }
    };
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

/** The page reference of the last navigation. */
export const getNavigateCalledWith = () => lastPageReference;
/** Whether the last navigation replaced the page in history. */
export const getNavigateReplace = () => lastReplace;
