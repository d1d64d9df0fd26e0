/**
 * Compile-time scopes: local variables resolve to frame slots once, so running code never looks names up.
 */
import type { SourcePos } from '../errors.js';
import { compileError } from '../errors.js';
import type { RtClass, RtField } from '../runtime/classes.js';
import type { RtType } from '../runtime/types.js';

export interface MethodCtx {
    cls: RtClass;
    isStatic: boolean;
    slots: number;
    file: string;
    /** Inside a property accessor, the property's name means its backing storage. */
    backing: RtField | null;
    returnType: RtType;
    /** Every local's slot by lower-cased name (dynamic SOQL binds resolve names at run time). */
    varNames: Map<string, number>;
}

export interface LocalVar {
    slot: number;
    type: RtType;
    name: string;
}

export class Scope {
    private readonly vars = new Map<string, LocalVar>();
    constructor(
        readonly parent: Scope | null,
        readonly mc: MethodCtx,
    ) {}

    lookup(lname: string): LocalVar | undefined {
        // eslint-disable-next-line @typescript-eslint/no-this-alias -- walking the chain starts at this object
        for (let s: Scope | null = this; s; s = s.parent) {
            const v = s.vars.get(lname);
            if (v) return v;
        }
        return undefined;
    }

    declare(name: string, type: RtType, pos: SourcePos): LocalVar {
        const lname = name.toLowerCase();
        if (this.lookup(lname)) compileError(`Duplicate variable: ${name}`, pos);
        const v: LocalVar = { slot: this.mc.slots++, type, name };
        this.vars.set(lname, v);
        this.mc.varNames.set(lname, v.slot);
        return v;
    }

    child(): Scope {
        return new Scope(this, this.mc);
    }
}
