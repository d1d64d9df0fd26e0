/** Auto-number fields: per-field counters formatted with the field's display format (`INV-{0000}`). */
import { NotSupportedError } from '../errors.js';
import type { FieldDescribe, ObjectDescribe } from '../schema-types.js';
import type { RecordIO } from './record-io.js';
import { tableName } from './sql-names.js';

export function formatAutoNumber(format: string, n: number): string {
    return format.replace(/\{([^}]*)\}/g, (_m, token: string) => {
        if (/^0+$/.test(token)) return String(n).padStart(token.length, '0');
        throw new NotSupportedError(`auto-number display format token {${token}}`, format);
    });
}

export class AutoNumbers {
    private readonly next = new Map<string, number>();

    constructor(private readonly io: RecordIO) {}

    /** The next value; counters start after the rows already stored, and never go back (as on the platform). */
    take(object: ObjectDescribe, field: FieldDescribe): string {
        const key = `${object.name}.${field.name}`.toLowerCase();
        let n = this.next.get(key);
        if (n === undefined)
            n = (this.io.prepare(`SELECT COUNT(*) AS n FROM ${tableName(object)}`).get() as { n: number }).n + 1;
        this.next.set(key, n + 1);
        return formatAutoNumber(field.autoNumberFormat ?? '{0}', n);
    }
}
