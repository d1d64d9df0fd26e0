/**
 * Helpers shared by the LWC Jest tests (imported as `test-utils`, mapped in jest.config.js and tsconfig.test.json).
 */

/**
 * Lets every pending promise callback run, several microtask turns deep (an Apex call resolving, then the component
 * re-rendering). Works with fake timers too, since it waits on microtasks only.
 * @param turns how many microtask turns to wait
 */
export async function flushPromises(turns = 10): Promise<void> {
    for (let turn = 0; turn < turns; turn++) {
        // Each turn must wait for the one before: that is the point.
        await Promise.resolve();
    }
}

/** Removes every element a test mounted. */
export function resetDom(): void {
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
}

/**
 * The first element of a component's shadow tree that matches a selector.
 * @param host the component
 * @param selector the CSS selector
 */
export function query<T extends Element = HTMLElement>(host: Element, selector: string): T | null {
    return host.shadowRoot?.querySelector<T>(selector) ?? null;
}

/**
 * Every element of a component's shadow tree that matches a selector.
 * @param host the component
 * @param selector the CSS selector
 */
export function queryAll<T extends Element = HTMLElement>(host: Element, selector: string): T[] {
    return Array.from(host.shadowRoot?.querySelectorAll<T>(selector) ?? []);
}
