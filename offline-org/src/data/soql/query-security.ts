/**
 * Enforces object and field permissions on a query: WITH USER_MODE (and user-mode queries) check every object and
 * field the query reads, reporting all inaccessible fields; WITH SECURITY_ENFORCED checks the SELECT lists only and
 * stops at the first problem.
 */
import { QueryException } from '../errors.js';
import type { ObjectDescribe } from '../schema-types.js';
import type { PermissionModel } from '../security/permission-model.js';
import type { TouchedField } from './join-planner.js';
import { soqlErrors } from './messages.js';

export function enforceUserMode(
    permissions: PermissionModel,
    userId: string,
    root: ObjectDescribe,
    touched: TouchedField[],
): void {
    if (!permissions.canRead(userId, root)) throw soqlErrors.noSuchObject(root.name);
    const inaccessible = new Map<string, string[]>();
    for (const { object, field } of touched) {
        if (permissions.canReadField(userId, object, field)) continue;
        const list = inaccessible.get(object.name) ?? [];
        if (!list.includes(field.name)) list.push(field.name);
        inaccessible.set(object.name, list);
    }
    if (inaccessible.size === 0) return;
    const [firstObject, fields] = [...inaccessible.entries()][0];
    const err = soqlErrors.noSuchColumn(fields[0], firstObject);
    throw new QueryException(err.message, inaccessible);
}

export function enforceSecurityEnforced(
    permissions: PermissionModel,
    userId: string,
    root: ObjectDescribe,
    selectTouched: TouchedField[],
): void {
    const denied =
        !permissions.canRead(userId, root) ||
        selectTouched.some(({ object, field }) => !permissions.canReadField(userId, object, field));
    if (denied) throw new QueryException('Insufficient permissions: secure query included inaccessible field');
}
