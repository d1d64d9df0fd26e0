/**
 * A small XML reader for Salesforce metadata files: elements, attributes, text, entities, comments, CDATA and the
 * XML declaration. No DTDs or processing instructions beyond the declaration. Errors name the file and line.
 */
import { MetadataError } from '../errors.js';

export interface XmlElement {
    name: string;
    attributes: Record<string, string>;
    children: XmlElement[];
    text: string;
}

/** An opening or self-closing tag with its attributes, matched at a given position (sticky). */
const OPEN_TAG = /<([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(raw: string, fail: (msg: string) => never): string {
    return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (_m, ref: string) => {
        if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
        if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
        const named = ENTITIES[ref];
        if (named === undefined) fail(`unknown entity &${ref};`);
        return named;
    });
}

/** Parses an XML document and returns its root element. */
export function parseXml(source: string, file: string): XmlElement {
    let pos = 0;
    const fail = (msg: string): never => {
        const line = source.slice(0, pos).split('\n').length;
        throw new MetadataError(file, `malformed XML at line ${line}: ${msg}`);
    };
    const stack: XmlElement[] = [];
    let root: XmlElement | undefined;
    if (source.charCodeAt(0) === 0xfeff) pos = 1;
    while (pos < source.length) {
        const lt = source.indexOf('<', pos);
        const textEnd = lt === -1 ? source.length : lt;
        const text = source.slice(pos, textEnd);
        if (text.trim() !== '') {
            const top = stack[stack.length - 1];
            if (!top) fail('text outside the root element');
            else top.text += decodeEntities(text, fail);
        }
        if (lt === -1) break;
        pos = lt;
        if (source.startsWith('<?', pos)) {
            const end = source.indexOf('?>', pos);
            if (end === -1) fail('unterminated declaration');
            pos = end + 2;
        } else if (source.startsWith('<!--', pos)) {
            const end = source.indexOf('-->', pos);
            if (end === -1) fail('unterminated comment');
            pos = end + 3;
        } else if (source.startsWith('<![CDATA[', pos)) {
            const end = source.indexOf(']]>', pos);
            const top = stack[stack.length - 1];
            if (end === -1 || !top) fail('misplaced or unterminated CDATA');
            else top.text += source.slice(pos + 9, end);
            pos = end + 3;
        } else if (source.startsWith('<!', pos)) {
            fail('DTD declarations are not supported');
        } else if (source.startsWith('</', pos)) {
            const end = source.indexOf('>', pos);
            if (end === -1) fail('unterminated closing tag');
            const name = source.slice(pos + 2, end).trim();
            const open = stack.pop();
            if (!open || open.name !== name) fail(`closing tag </${name}> does not match <${open?.name ?? ''}>`);
            pos = end + 1;
        } else {
            OPEN_TAG.lastIndex = pos;
            const match = OPEN_TAG.exec(source);
            if (!match) return fail('malformed tag');
            const whole = match[0];
            const name = match[1];
            const attrText = match[2] ?? '';
            const selfClose = match[3] ?? '';
            const attributes: Record<string, string> = {};
            for (const a of attrText.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
                attributes[a[1]] = decodeEntities(a[2] ?? a[3] ?? '', fail);
            }
            const element: XmlElement = { name, attributes, children: [], text: '' };
            const parent = stack[stack.length - 1];
            if (parent) parent.children.push(element);
            else if (root) fail('more than one root element');
            else root = element;
            if (selfClose !== '/') stack.push(element);
            pos += whole.length;
        }
    }
    if (stack.length > 0) fail(`unclosed element <${stack[stack.length - 1]?.name ?? ''}>`);
    if (!root) fail('no root element');
    return root as XmlElement;
}

/** The first child element with this name. */
export function child(el: XmlElement, name: string): XmlElement | undefined {
    return el.children.find((c) => c.name === name);
}

/** All child elements with this name. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
    return el.children.filter((c) => c.name === name);
}

/** The trimmed text of the first child with this name, or undefined. */
export function childText(el: XmlElement, name: string): string | undefined {
    const c = child(el, name);
    return c === undefined ? undefined : c.text.trim();
}

/** A boolean child (`<required>true</required>`); absent means `fallback`. */
export function childBool(el: XmlElement, name: string, fallback = false): boolean {
    const t = childText(el, name);
    return t === undefined ? fallback : t === 'true';
}
