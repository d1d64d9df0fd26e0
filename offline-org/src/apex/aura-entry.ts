/**
 * Calls an `@AuraEnabled` static method as Lightning does: parameters by name from JSON, a fresh transaction, the
 * result serialized as JSON.serialize would, or (`shape: 'lightning'`) as Lightning hands it to a component
 * (aura-serialize.ts). The LWC host of the offline org uses this for `@salesforce/apex` imports.
 */
import type { Runtime } from './interpreter/runtime.js';
import { exceptionTypeName } from './runtime/exceptions.js';
import { ApexThrow } from './runtime/values.js';
import { parseTree } from '../stdlib/json-tokens.js';
import { typed } from '../stdlib/json.js';
import { printCompact, toJsonNode } from '../stdlib/json-write.js';
import { toLightningValue } from './aura-serialize.js';

export type AuraResult =
    | { ok: true; json: string }
    | {
          ok: false;
          status: number;
          error: {
              exceptionType: string;
              message: string;
              stackTrace: string;
              /** Thrown by the caller's own exception class (not a platform one); absent when not thrown by Apex. */
              userDefined?: boolean;
          };
      };

export function invokeAuraEnabled(
    rt: Runtime,
    className: string,
    methodName: string,
    params: Record<string, unknown>,
    opts: { cacheable?: boolean; shape?: 'json' | 'lightning' } = {},
): AuraResult {
    const cls = rt.table.findClass(className.split('.'), null);
    const fail = (message: string): AuraResult => ({
        ok: false,
        status: 400,
        error: { exceptionType: 'System.IllegalArgumentException', message, stackTrace: '' },
    });
    if (!cls) return fail(`No such class: ${className}`);
    const m = cls
        .findMethods(methodName.toLowerCase())
        .find((x) => x.isStatic && x.annotations.includes('auraenabled'));
    if (!m) return fail(`No @AuraEnabled static method ${className}.${methodName}`);
    if (
        opts.cacheable &&
        !m.decl?.mods.annotations.some((a) => a.name === 'auraenabled' && /cacheable\s*=\s*true/i.test(a.params))
    ) {
        return fail(`${className}.${methodName} is not cacheable=true and cannot be wired`);
    }
    const pos = { file: `<aura ${className}.${methodName}>`, line: 0 };
    rt.beginTransaction();
    try {
        const args = m.paramNames.map((name, i) => {
            const raw = params[name];
            return raw === undefined || raw === null
                ? null
                : typed(rt, parseTree(JSON.stringify(raw)), m.params[i], false, pos);
        });
        rt.statics(cls);
        const value = rt.invoke(m, null, args, pos);
        if (m.returnType.k === 'void') return { ok: true, json: 'null' };
        const json =
            opts.shape === 'lightning'
                ? JSON.stringify(toLightningValue(rt, value))
                : printCompact(toJsonNode(rt, value, false));
        return { ok: true, json };
    } catch (e) {
        if (e instanceof ApexThrow) {
            const x = e.exc.exc!;
            return {
                ok: false,
                status: 500,
                error: {
                    exceptionType: exceptionTypeName(e.exc.cls),
                    message: rt.stringOf(x.message),
                    stackTrace: x.stack,
                    userDefined: e.exc.cls.decl !== null,
                },
            };
        }
        throw e;
    }
}
