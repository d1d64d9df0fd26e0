import { createElement } from 'lwc';
import ConfirmDialog from 'c/confirmDialog';
import { resetDom } from 'test-utils';

type Dialog = HTMLElement & { open: boolean; title: string; message: string; variant: string; busy: boolean };

function mount(props: Partial<Dialog>): Dialog {
    const element = createElement('c-confirm-dialog', { is: ConfirmDialog }) as Dialog;
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

describe('c-confirm-dialog', () => {
    afterEach(() => {
        resetDom();
    });

    it('shows nothing while closed', () => {
        const element = mount({ open: false, title: 'Start?' });
        expect(element.shadowRoot?.querySelector('section')).toBeNull();
    });

    it('is a labelled modal dialog saying what will happen', () => {
        const element = mount({ open: true, title: 'Start a Full Data Resync?', message: 'Resync will start.' });
        const section = element.shadowRoot?.querySelector('section');
        expect(section?.getAttribute('role')).toBe('dialog');
        expect(section?.getAttribute('aria-modal')).toBe('true');
        const titleId = section?.getAttribute('aria-labelledby') ?? '';
        expect(element.shadowRoot?.querySelector(`[id^="${titleId}"]`)?.textContent).toBe('Start a Full Data Resync?');
        expect(element.shadowRoot?.querySelector('[data-id="message"]')?.textContent).toBe('Resync will start.');
    });

    it('confirms, cancels, and cancels on Escape and the close button', () => {
        const element = mount({ open: true, title: 'Roll back?', variant: 'destructive' });
        const confirm = jest.fn();
        const cancel = jest.fn();
        element.addEventListener('confirm', confirm);
        element.addEventListener('cancel', cancel);
        const confirmButton = element.shadowRoot?.querySelector<HTMLElement & { variant: string }>(
            '[data-id="confirm"]',
        );
        expect(confirmButton?.variant).toBe('destructive');
        confirmButton?.click();
        expect(confirm).toHaveBeenCalledTimes(1);
        element.shadowRoot?.querySelector<HTMLElement>('[data-id="cancel"]')?.click();
        element.shadowRoot?.querySelector<HTMLElement>('.slds-modal__close')?.click();
        element.shadowRoot
            ?.querySelector('section')
            ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        element.shadowRoot
            ?.querySelector('section')
            ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        expect(cancel).toHaveBeenCalledTimes(3);
    });

    it('disables confirm while its owner is busy, and uses brand for any other variant', () => {
        const element = mount({ open: true, title: 'x', busy: true, variant: 'weird' });
        const button = element.shadowRoot?.querySelector<HTMLElement & { disabled: boolean; variant: string }>(
            '[data-id="confirm"]',
        );
        expect(button?.disabled).toBe(true);
        expect(button?.variant).toBe('brand');
    });
});
