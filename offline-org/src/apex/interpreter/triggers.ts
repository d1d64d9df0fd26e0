/**
 * Running triggers: the triggers of an object registered for a DML event, each compiled on its first run into a
 * block over a class of its own (`Trigger.<name>`), run in load order with the Trigger context variables set and
 * Trigger.old (and in after triggers Trigger.new) read-only while it runs.
 */
import type { TriggerDecl } from '../ast.js';
import { RtClass } from '../runtime/classes.js';
import type { TriggerInvocation } from '../../stdlib/host.js';
import type { Runtime } from './runtime.js';

/**
 * Runs every trigger of `inv.objectName` registered for `inv.event` (e.g. `before insert`). `compiled` keeps each
 * trigger's compiled body for the runtime's later DML.
 */
export function runTriggers(rt: Runtime, inv: TriggerInvocation, compiled: Map<TriggerDecl, () => void>): void {
    for (const t of rt.triggers) {
        const d = t.decl;
        if (d.object.toLowerCase() !== inv.objectName.toLowerCase() || !d.events.includes(inv.event)) continue;
        let run = compiled.get(d);
        if (!run) {
            const cls = new RtClass(
                `Trigger.${d.name}`,
                'class',
                {
                    kind: 'type',
                    typeKind: 'class',
                    name: d.name,
                    mods: { set: new Set(), annotations: [] },
                    superType: null,
                    interfaces: [],
                    members: d.members,
                    enumValues: [],
                    pos: d.pos,
                },
                null,
                t.file,
            );
            rt.table.link(cls);
            run = rt.compiler.compileAnonymous(cls, d.body, t.file, `Trigger.${d.name}`);
            compiled.set(d, run);
        }
        // Trigger.old is always read-only; Trigger.new is read-only in after triggers.
        const locked = [
            ...(inv.oldRecords ?? []),
            ...(inv.event.startsWith('after') ? (inv.newRecords ?? []) : []),
        ].filter((r) => !r.readOnly);
        for (const r of locked) r.readOnly = true;
        rt.triggerStack.push(inv);
        try {
            run();
        } finally {
            rt.triggerStack.pop();
            for (const r of locked) r.readOnly = false;
        }
    }
}
