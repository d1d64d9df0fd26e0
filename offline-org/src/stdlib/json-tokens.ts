/**
 * A JSON tokenizer that keeps numbers as text (so Decimal scale and Long precision survive), and a tree reader on it.
 */
export type JsonTokenKind =
    | 'START_OBJECT'
    | 'END_OBJECT'
    | 'START_ARRAY'
    | 'END_ARRAY'
    | 'FIELD_NAME'
    | 'VALUE_STRING'
    | 'VALUE_NUMBER_INT'
    | 'VALUE_NUMBER_FLOAT'
    | 'VALUE_TRUE'
    | 'VALUE_FALSE'
    | 'VALUE_NULL';

export interface JsonToken {
    kind: JsonTokenKind;
    text: string;
}

export class JsonSyntaxError extends Error {}

export function tokenize(src: string): JsonToken[] {
    const out: JsonToken[] = [];
    const stack: ('o' | 'a')[] = [];
    let expectKey = false;
    let i = 0;
    const ws = (): void => {
        while (i < src.length && /\s/.test(src[i])) i++;
    };
    const str = (): string => {
        let s = '';
        i++;
        while (i < src.length && src[i] !== '"') {
            if (src[i] === '\\') {
                const e = src[++i];
                if (e === 'u') {
                    s += String.fromCharCode(parseInt(src.slice(i + 1, i + 5), 16));
                    i += 4;
                } else
                    s +=
                        (
                            { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '/': '/', '\\': '\\', '"': '"' } as Record<
                                string,
                                string
                            >
                        )[e ?? ''] ?? e;
            } else s += src[i];
            i++;
        }
        if (src[i] !== '"')
            throw new JsonSyntaxError('Unexpected end-of-input: was expecting closing quote for a string value');
        i++;
        return s;
    };
    for (;;) {
        ws();
        if (i >= src.length) break;
        const c = src[i];
        if (expectKey && c === '"') {
            out.push({ kind: 'FIELD_NAME', text: str() });
            ws();
            if (src[i] !== ':')
                throw new JsonSyntaxError(
                    `Unexpected character ('${src[i] ?? 'EOF'}'): was expecting a colon to separate field name and value`,
                );
            i++;
            expectKey = false;
            continue;
        }
        if (c === ',') {
            i++;
            expectKey = stack[stack.length - 1] === 'o';
            continue;
        }
        if (c === '{') {
            out.push({ kind: 'START_OBJECT', text: '{' });
            stack.push('o');
            i++;
            expectKey = true;
            continue;
        }
        if (c === '}') {
            out.push({ kind: 'END_OBJECT', text: '}' });
            stack.pop();
            i++;
            expectKey = false;
            continue;
        }
        if (c === '[') {
            out.push({ kind: 'START_ARRAY', text: '[' });
            stack.push('a');
            i++;
            continue;
        }
        if (c === ']') {
            out.push({ kind: 'END_ARRAY', text: ']' });
            stack.pop();
            i++;
            continue;
        }
        if (c === '"') {
            out.push({ kind: 'VALUE_STRING', text: str() });
            continue;
        }
        const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(i, i + 400));
        if (m) {
            out.push({ kind: m[1] || m[2] ? 'VALUE_NUMBER_FLOAT' : 'VALUE_NUMBER_INT', text: m[0] });
            i += m[0].length;
            continue;
        }
        if (src.startsWith('true', i)) {
            out.push({ kind: 'VALUE_TRUE', text: 'true' });
            i += 4;
            continue;
        }
        if (src.startsWith('false', i)) {
            out.push({ kind: 'VALUE_FALSE', text: 'false' });
            i += 5;
            continue;
        }
        if (src.startsWith('null', i)) {
            out.push({ kind: 'VALUE_NULL', text: 'null' });
            i += 4;
            continue;
        }
        throw new JsonSyntaxError(`Unexpected character ('${c}' (code ${c.charCodeAt(0)})): expected a valid value`);
    }
    if (stack.length) throw new JsonSyntaxError('Unexpected end-of-input: expected close marker');
    return out;
}

/** A parsed JSON tree with number text preserved. */
export type JsonNode =
    | { t: 'obj'; entries: [string, JsonNode][] }
    | { t: 'arr'; items: JsonNode[] }
    | { t: 'str'; v: string }
    | { t: 'num'; text: string; float: boolean }
    | { t: 'bool'; v: boolean }
    | { t: 'null' };

export function readTree(tokens: JsonToken[], start = 0): { node: JsonNode; next: number } {
    const tk = tokens[start];
    if (!tk) throw new JsonSyntaxError('No content to map due to end-of-input');
    switch (tk.kind) {
        case 'START_OBJECT': {
            const entries: [string, JsonNode][] = [];
            let i = start + 1;
            while (tokens[i] && tokens[i].kind !== 'END_OBJECT') {
                const name = tokens[i].text;
                const r = readTree(tokens, i + 1);
                entries.push([name, r.node]);
                i = r.next;
            }
            return { node: { t: 'obj', entries }, next: i + 1 };
        }
        case 'START_ARRAY': {
            const items: JsonNode[] = [];
            let i = start + 1;
            while (tokens[i] && tokens[i].kind !== 'END_ARRAY') {
                const r = readTree(tokens, i);
                items.push(r.node);
                i = r.next;
            }
            return { node: { t: 'arr', items }, next: i + 1 };
        }
        case 'VALUE_STRING':
            return { node: { t: 'str', v: tk.text }, next: start + 1 };
        case 'VALUE_NUMBER_INT':
            return { node: { t: 'num', text: tk.text, float: false }, next: start + 1 };
        case 'VALUE_NUMBER_FLOAT':
            return { node: { t: 'num', text: tk.text, float: true }, next: start + 1 };
        case 'VALUE_TRUE':
            return { node: { t: 'bool', v: true }, next: start + 1 };
        case 'VALUE_FALSE':
            return { node: { t: 'bool', v: false }, next: start + 1 };
        case 'VALUE_NULL':
            return { node: { t: 'null' }, next: start + 1 };
        default:
            throw new JsonSyntaxError(`Unexpected token ${tk.kind}`);
    }
}

export function parseTree(src: string): JsonNode {
    const tokens = tokenize(src);
    const r = readTree(tokens, 0);
    if (r.next !== tokens.length) throw new JsonSyntaxError('Unexpected content after the JSON value');
    return r.node;
}
