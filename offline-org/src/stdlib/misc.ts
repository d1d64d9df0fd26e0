/**
 * Boolean, enums, Type (forName/newInstance/getName), Blob and EncodingUtil.
 */
import { textOf } from '../apex/runtime/format.js';
import { BlobValue, EnumValue, TypeValue } from '../apex/runtime/values.js';
import { isAssignableFrom, typeName } from '../apex/runtime/types.js';
import type { Registry } from './registry.js';
import { createHash } from 'node:crypto';
import type { TypeRef } from '../apex/ast.js';
import type { SourcePos } from '../apex/errors.js';
import { ApexCompileError } from '../apex/errors.js';
import { newCollectionFrom } from './collections.js';
import { newSObject } from './sobject.js';

/** Parses a type name as Type.forName takes it: `Account`, `Outer.Inner`, `Map<Id, List<Account>>`, `String[]`. */
export function parseTypeName(text: string, pos: SourcePos): TypeRef | null {
    const tokens = text.match(/[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*|[<>,]|\[\]/g) ?? [];
    let i = 0;
    const one = (): TypeRef | null => {
        const name = tokens[i++];
        if (!name || !/^[A-Za-z_]/.test(name)) return null;
        const ref: TypeRef = { parts: name.split('.'), args: [], arrayDepth: 0, pos };
        if (tokens[i] === '<') {
            i++;
            for (;;) {
                const arg = one();
                if (!arg) return null;
                ref.args.push(arg);
                if (tokens[i] === ',') {
                    i++;
                    continue;
                }
                if (tokens[i] === '>') {
                    i++;
                    break;
                }
                return null;
            }
        }
        while (tokens[i] === '[]') {
            ref.arrayDepth++;
            i++;
        }
        return ref;
    };
    const r = one();
    return r && i === tokens.length ? r : null;
}

export function registerMisc(reg: Registry): void {
    reg.staticMethods('Boolean', {
        valueof: (_rt, a) =>
            a[0] === null ? null : typeof a[0] === 'boolean' ? a[0] : textOf(a[0]).toLowerCase() === 'true',
    });
    reg.instanceMethods('boolean', {
        tostring: (rt, s) => rt.stringOf(s),
        equals: (_rt, s, a) => s === a[0],
        hashcode: (_rt, s) => (s ? 1231 : 1237),
    });
    reg.instanceMethods('enum', {
        name: (_rt, s) => (s as EnumValue).name,
        ordinal: (_rt, s) => (s as EnumValue).ordinal,
        tostring: (_rt, s) => (s as EnumValue).name,
        equals: (_rt, s, a) =>
            s === a[0] ||
            (a[0] instanceof EnumValue &&
                a[0].enumType === (s as EnumValue).enumType &&
                a[0].name === (s as EnumValue).name),
        hashcode: (_rt, s) => (s as EnumValue).ordinal,
    });
    reg.staticMethods('Type', {
        forname: (rt, a, pos) => {
            if (a.length === 2 && a[0] !== null && a[0] !== '')
                return rt.unsupported('Type.forName with a namespace', pos);
            const ref = parseTypeName(textOf(a.length === 2 ? a[1] : a[0]), pos);
            try {
                const t = ref ? rt.table.tryResolve(ref, null) : undefined;
                return t ? new TypeValue(t) : null;
            } catch (e) {
                if (e instanceof ApexCompileError) return null;
                throw e;
            }
        },
    });
    reg.instanceMethods('type', {
        getname: (_rt, s) => typeName((s as TypeValue).type),
        tostring: (_rt, s) => typeName((s as TypeValue).type),
        newinstance: (rt, s, _a, pos) => {
            const t = (s as TypeValue).type;
            if (t.k === 'class') {
                if (t.cls.kind !== 'class' || t.cls.isAbstract)
                    return rt.fail('TypeException', `Type cannot be constructed: ${t.cls.name}`);
                if (t.cls.ctors.length > 0 && !t.cls.ctors.some((c) => c.params.length === 0))
                    return rt.fail('TypeException', `Type requires an injectable constructor: ${t.cls.name}`);
                return rt.instantiate(t.cls, [], pos);
            }
            if (t.k === 'list' || t.k === 'set' || t.k === 'map') return newCollectionFrom(rt, t, [], pos);
            if (t.k === 'sobject' && t.name) return newSObject(rt, t.name, pos);
            return rt.unsupported(`Type.newInstance of ${typeName(t)}`, pos);
        },
        equals: (_rt, s, a) =>
            a[0] instanceof TypeValue &&
            typeName(a[0].type).toLowerCase() === typeName((s as TypeValue).type).toLowerCase(),
        hashcode: (_rt, s) => typeName((s as TypeValue).type).length,
        isassignablefrom: (rt, s, a) => {
            if (!(a[0] instanceof TypeValue)) return rt.npe();
            return isAssignableFrom((s as TypeValue).type, a[0].type);
        },
    });
    reg.staticMethods('Blob', {
        valueof: (_rt, a) => new BlobValue(new Uint8Array(Buffer.from(textOf(a[0]), 'utf8'))),
    });
    reg.instanceMethods('blob', {
        tostring: (rt, s) => {
            const bytes = (s as BlobValue).bytes;
            const text = Buffer.from(bytes).toString('utf8');
            if (Buffer.from(text, 'utf8').length !== bytes.length)
                return rt.fail('StringException', 'BLOB is not a valid UTF-8 string');
            return text;
        },
        size: (_rt, s) => (s as BlobValue).bytes.length,
    });
    reg.staticMethods('EncodingUtil', {
        base64encode: (_rt, a) => Buffer.from((a[0] as BlobValue).bytes).toString('base64'),
        base64decode: (_rt, a) => new BlobValue(new Uint8Array(Buffer.from(textOf(a[0]), 'base64'))),
        converttohex: (_rt, a) => Buffer.from((a[0] as BlobValue).bytes).toString('hex'),
        convertfromhex: (_rt, a) => new BlobValue(new Uint8Array(Buffer.from(textOf(a[0]), 'hex'))),
        urlencode: (_rt, a) =>
            encodeURIComponent(textOf(a[0]))
                .replace(/%20/g, '+')
                .replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()),
        urldecode: (_rt, a) => decodeURIComponent(textOf(a[0]).replace(/\+/g, ' ')),
    });
    const algos: Record<string, string> = {
        md5: 'md5',
        sha1: 'sha1',
        'sha-1': 'sha1',
        sha256: 'sha256',
        'sha-256': 'sha256',
        sha512: 'sha512',
        'sha-512': 'sha512',
    };
    reg.staticMethods('Crypto', {
        generatedigest: (rt, a, pos) => {
            const algo = algos[textOf(a[0]).toLowerCase()];
            if (!algo) return rt.unsupported(`Crypto.generateDigest algorithm ${textOf(a[0])}`, pos);
            return new BlobValue(
                new Uint8Array(
                    createHash(algo)
                        .update((a[1] as BlobValue).bytes)
                        .digest(),
                ),
            );
        },
        getrandominteger: () => (Math.random() * 4294967296) | 0,
        getrandomlong: () => BigInt.asIntN(64, BigInt(Math.floor(Math.random() * 2 ** 53)) * 2048n),
    });
}
