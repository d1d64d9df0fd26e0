/**
 * Java regular expressions (as Apex uses them) translated to JavaScript RegExp.
 * Unsupported Java-only constructs (possessive quantifiers, \p{javaX}) are reported loudly by the caller.
 */
export function toJsRegex(pattern: string, flags: string): RegExp {
  let p = pattern;
  let f = flags;
  const inline = /^\(\?([imsx]+)\)/.exec(p);
  if (inline) {
    for (const c of inline[1]!) if (c !== 'x' && !f.includes(c)) f += c;
    p = p.slice(inline[0].length);
  }
  p = p.replace(/\\A/g, '^').replace(/\\[Zz]/g, '$');
  return new RegExp(p, f + 'u'.replace('u', ''));
}
