import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MetadataError, parseXml } from '../../src/data/index.js';

test('elements, attributes, entities, CDATA and comments', () => {
    const root = parseXml(
        '<?xml version="1.0"?>\n<!-- c --><A x="1" y=\'a&amp;b\'><B>t &lt;1&gt; &#65;&#x42;</B><C/><D><![CDATA[<raw>]]></D></A>',
        'f.xml',
    );
    assert.equal(root.name, 'A');
    assert.deepEqual(root.attributes, { x: '1', y: 'a&b' });
    assert.deepEqual(
        root.children.map((c) => c.name),
        ['B', 'C', 'D'],
    );
    assert.equal(root.children[0]?.text, 't <1> AB');
    assert.equal(root.children[2]?.text, '<raw>');
});

test('malformed documents raise MetadataError with the file and line', () => {
    for (const bad of ['<A><B></A>', '<A>', 'text', '<A></A><B></B>', '<A>&nope;</A>']) {
        assert.throws(
            () => parseXml(bad, 'objects/X.xml'),
            (e: unknown) =>
                e instanceof MetadataError && e.message.startsWith('objects/X.xml: malformed XML at line 1'),
            bad,
        );
    }
});
