/**
 * The `Trigger` context variables (Trigger.new, Trigger.oldMap, Trigger.isBefore, ...), read from the runtime's
 * current trigger invocation (see Runtime.runTriggers). Outside a trigger, isExecuting is false and the rest null.
 */
import type { ApexHost, TriggerInvocation } from './host.js';
import { keyOf } from '../apex/runtime/equality.js';
import { prim } from '../apex/runtime/types.js';
import { ApexList, ApexMap, EnumValue, SObjectValue } from '../apex/runtime/values.js';
import type { Value } from '../apex/runtime/values.js';
import type { Registry } from './registry.js';
import { BUILTIN_ENUMS } from '../apex/runtime/type-names.js';

function list(inv: TriggerInvocation, recs: SObjectValue[] | null): Value {
    return recs ? new ApexList({ k: 'sobject', name: inv.objectName }, recs) : null;
}

function map(inv: TriggerInvocation, recs: SObjectValue[] | null): Value {
    if (!recs || inv.event === 'before insert') return null;
    const m = new ApexMap(prim('id'), { k: 'sobject', name: inv.objectName });
    for (const r of recs) {
        const id = r.fields.get('id')?.value ?? null;
        m.entries.set(keyOf(id), [id, r]);
    }
    return m;
}

export function registerTriggerContext(reg: Registry): void {
    const cur = (rt: ApexHost): TriggerInvocation | null => rt.triggerStack[rt.triggerStack.length - 1] ?? null;
    const when =
        (test: (inv: TriggerInvocation) => boolean) =>
        (rt: ApexHost): Value => {
            const inv = cur(rt);
            return inv ? test(inv) : null;
        };
    reg.staticProps('Trigger', {
        new: (rt) => {
            const inv = cur(rt);
            return inv ? list(inv, inv.newRecords) : null;
        },
        old: (rt) => {
            const inv = cur(rt);
            return inv ? list(inv, inv.oldRecords) : null;
        },
        newmap: (rt) => {
            const inv = cur(rt);
            return inv ? map(inv, inv.newRecords) : null;
        },
        oldmap: (rt) => {
            const inv = cur(rt);
            return inv ? map(inv, inv.oldRecords) : null;
        },
        isexecuting: (rt) => cur(rt) !== null,
        isbefore: when((i) => i.event.startsWith('before')),
        isafter: when((i) => i.event.startsWith('after')),
        isinsert: when((i) => i.event.endsWith('insert')),
        isupdate: when((i) => i.event.endsWith(' update')),
        isdelete: when((i) => i.event.endsWith('delete') && !i.event.endsWith('undelete')),
        isundelete: when((i) => i.event.endsWith('undelete')),
        size: (rt) => {
            const inv = cur(rt);
            return inv ? (inv.newRecords ?? inv.oldRecords ?? []).length : null;
        },
        operationtype: (rt) => {
            const inv = cur(rt);
            if (!inv) return null;
            const e = BUILTIN_ENUMS.get('system.triggeroperation')!;
            const name = inv.event.toUpperCase().replace(' ', '_');
            return new EnumValue(e.qualified, name, e.values.indexOf(name));
        },
    });
}
