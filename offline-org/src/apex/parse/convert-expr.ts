/**
 * Parse tree -> AST for expressions and type references.
 */
import * as P from '@apexdevtools/apex-parser';
type ParserRuleContext = P.ApexParserRuleContext;
type ParseTree = P.ApexParseTree;
import type { AssignOp, BinaryOp, Expr, Literal, TypeRef } from '../ast.js';
import { compileError, notSupported } from '../errors.js';
import type { SourcePos } from '../errors.js';

export class ExprConverter {
    constructor(
        readonly file: string,
        readonly source: string,
    ) {}

    pos(ctx: ParserRuleContext): SourcePos {
        return { file: this.file, line: ctx.start.line };
    }

    typeRef(ctx: P.TypeRefContext): TypeRef {
        const names = ctx.typeName_list();
        const parts: string[] = [];
        let args: TypeRef[] = [];
        for (const tn of names) {
            if (tn.LIST()) parts.push('List');
            else if (tn.SET()) parts.push('Set');
            else if (tn.MAP()) parts.push('Map');
            else parts.push(tn.id().getText());
            const ta = tn.typeArguments();
            if (ta)
                args = ta
                    .typeList()
                    .typeRef_list()
                    .map((t) => this.typeRef(t));
        }
        const subs = ctx.arraySubscripts();
        const depth = subs ? subs.LBRACK_list().length : 0;
        return { parts, args, arrayDepth: depth, pos: this.pos(ctx) };
    }

    list(ctx: P.ExpressionListContext | null | undefined): Expr[] {
        return ctx ? ctx.expression_list().map((e) => this.expr(e)) : [];
    }

    expr(ctx: P.ExpressionContext): Expr {
        const pos = this.pos(ctx);
        if (ctx instanceof P.PrimaryExpressionContext) return this.primary(ctx.primary());
        if (ctx instanceof P.DotExpressionContext) {
            const target = this.expr(ctx.expression());
            const safe = !!ctx.QUESTIONDOT();
            const call = ctx.dotMethodCall();
            if (call)
                return {
                    k: 'call',
                    target,
                    name: call.anyId().getText(),
                    args: this.list(call.expressionList()),
                    safe,
                    pos,
                };
            return { k: 'field', target, name: ctx.anyId().getText(), safe, pos };
        }
        if (ctx instanceof P.ArrayExpressionContext) {
            const [t, i] = ctx.expression_list();
            return { k: 'index', target: this.expr(t), index: this.expr(i), pos };
        }
        if (ctx instanceof P.MethodCallExpressionContext) {
            const mc = ctx.methodCall();
            const args = this.list(mc.expressionList());
            if (mc.THIS()) return { k: 'thisCall', args, pos };
            if (mc.SUPER()) return { k: 'superCall', args, pos };
            return { k: 'call', target: null, name: mc.id().getText(), args, safe: false, pos };
        }
        if (ctx instanceof P.NewExpressionContext) return this.creator(ctx.creator(), pos);
        if (ctx instanceof P.CastExpressionContext)
            return { k: 'cast', type: this.typeRef(ctx.typeRef()), expr: this.expr(ctx.expression()), pos };
        if (ctx instanceof P.SubExpressionContext) return this.expr(ctx.expression());
        if (ctx instanceof P.PostOpExpressionContext) {
            return { k: 'incdec', prefix: false, delta: ctx.INC() ? 1 : -1, target: this.expr(ctx.expression()), pos };
        }
        if (ctx instanceof P.PreOpExpressionContext) {
            const inner = this.expr(ctx.expression());
            if (ctx.INC()) return { k: 'incdec', prefix: true, delta: 1, target: inner, pos };
            if (ctx.DEC()) return { k: 'incdec', prefix: true, delta: -1, target: inner, pos };
            if (ctx.SUB() && inner.k === 'lit') {
                const neg = negateLiteral(inner.lit);
                if (neg) return { k: 'lit', lit: neg, pos };
            }
            return { k: 'unary', op: ctx.SUB() ? '-' : '+', expr: inner, pos };
        }
        if (ctx instanceof P.NegExpressionContext)
            return { k: 'unary', op: ctx.BANG() ? '!' : '~', expr: this.expr(ctx.expression()), pos };
        if (ctx instanceof P.InstanceOfExpressionContext)
            return { k: 'instanceof', expr: this.expr(ctx.expression()), type: this.typeRef(ctx.typeRef()), pos };
        if (ctx instanceof P.CondExpressionContext) {
            const [c, a, b] = ctx.expression_list();
            return { k: 'cond', c: this.expr(c), a: this.expr(a), b: this.expr(b), pos };
        }
        if (ctx instanceof P.AssignExpressionContext) {
            const [t, v] = ctx.expression_list();
            const op = opText(ctx, 1) as AssignOp;
            return { k: 'assign', op, target: this.expr(t), value: this.expr(v), pos };
        }
        if (
            ctx instanceof P.LogAndExpressionContext ||
            ctx instanceof P.LogOrExpressionContext ||
            ctx instanceof P.CoalExpressionContext
        ) {
            const [l, r] = ctx.expression_list();
            const k =
                ctx instanceof P.LogAndExpressionContext
                    ? 'and'
                    : ctx instanceof P.LogOrExpressionContext
                      ? 'or'
                      : 'coal';
            return { k, l: this.expr(l), r: this.expr(r), pos };
        }
        const binary =
            ctx instanceof P.Arth1ExpressionContext ||
            ctx instanceof P.Arth2ExpressionContext ||
            ctx instanceof P.BitExpressionContext ||
            ctx instanceof P.CmpExpressionContext ||
            ctx instanceof P.EqualityExpressionContext ||
            ctx instanceof P.BitAndExpressionContext ||
            ctx instanceof P.BitNotExpressionContext ||
            ctx instanceof P.BitOrExpressionContext;
        if (binary) {
            const exprs = ctx.children!.filter((c): c is P.ExpressionContext => c instanceof P.ExpressionContext);
            const ops = ctx
                .children!.filter((c) => !(c instanceof P.ExpressionContext))
                .map((c) => c.getText())
                .join('');
            return { k: 'bin', op: ops as BinaryOp, l: this.expr(exprs[0]), r: this.expr(exprs[1]), pos };
        }
        return notSupported(`expression '${ctx.getText()}'`, pos);
    }

    primary(ctx: P.PrimaryContext): Expr {
        const pos = this.pos(ctx);
        if (ctx instanceof P.ThisPrimaryContext) return { k: 'this', pos };
        if (ctx instanceof P.SuperPrimaryContext) return { k: 'super', pos };
        if (ctx instanceof P.LiteralPrimaryContext) return { k: 'lit', lit: this.literal(ctx.literal(), pos), pos };
        if (ctx instanceof P.TypeRefPrimaryContext) return { k: 'classLit', type: this.typeRef(ctx.typeRef()), pos };
        if (ctx instanceof P.VoidPrimaryContext) return { k: 'classLit', type: null, pos };
        if (ctx instanceof P.IdPrimaryContext) return { k: 'name', name: ctx.id().getText(), pos };
        if (ctx instanceof P.SoqlPrimaryContext) {
            const q = this.embedded(ctx.soqlLiteral().query());
            return { k: 'soql', text: q.text, binds: q.binds, pos };
        }
        if (ctx instanceof P.SoslPrimaryContext) {
            const lit = ctx.soslLiteral();
            const q = this.embedded(lit);
            return { k: 'sosl', text: q.text.replace(/^\[\s*/, '').replace(/\s*\]$/, ''), binds: q.binds, pos };
        }
        return notSupported(`expression '${ctx.getText()}'`, pos);
    }

    /** Source text of an embedded SOQL/SOSL query with every `:expr` bind replaced by `:bindN`. */
    private embedded(ctx: ParserRuleContext): { text: string; binds: Expr[] } {
        const found: P.BoundExpressionContext[] = [];
        const walk = (n: ParseTree): void => {
            if (n instanceof P.BoundExpressionContext) {
                found.push(n);
                return;
            }
            const kids = (n as ParserRuleContext).children;
            if (kids) for (const k of kids) walk(k);
        };
        walk(ctx);
        const start = ctx.start.start;
        const stop = ctx.stop ? ctx.stop.stop : ctx.start.stop;
        let text = '';
        let at = start;
        const binds: Expr[] = [];
        for (const b of found) {
            text += this.source.slice(at, b.start.start);
            text += `:bind${binds.length}`;
            binds.push(this.expr(b.expression()));
            at = (b.stop ?? b.start).stop + 1;
        }
        text += this.source.slice(at, stop + 1);
        return { text, binds };
    }

    literal(ctx: P.LiteralContext, pos: SourcePos): Literal {
        const text = ctx.getText();
        if (ctx.IntegerLiteral()) {
            const v = Number(text);
            if (v > 2147483648) compileError(`Illegal integer: ${text}`, pos);
            return { t: 'int', v };
        }
        if (ctx.LongLiteral()) return { t: 'long', v: BigInt(text.slice(0, -1)) };
        if (ctx.NumberLiteral()) {
            if (/[dD]$/.test(text)) return { t: 'double', v: Number(text.slice(0, -1)) };
            return { t: 'decimal', text };
        }
        if (ctx.StringLiteral()) return { t: 'string', v: unescapeApexString(text.slice(1, -1), pos) };
        if (ctx.MultilineStringLiteral()) return notSupported('multiline string literal', pos);
        if (ctx.BooleanLiteral()) return { t: 'bool', v: text.toLowerCase() === 'true' };
        return { t: 'null' };
    }

    private creator(ctx: P.CreatorContext, pos: SourcePos): Expr {
        const pairs = ctx.createdName().idCreatedNamePair_list();
        const parts: string[] = [];
        let args: TypeRef[] = [];
        for (const p of pairs) {
            parts.push(p.anyId().getText());
            const tl = p.typeList();
            if (tl) args = tl.typeRef_list().map((t) => this.typeRef(t));
        }
        const type: TypeRef = { parts, args, arrayDepth: 0, pos };
        const cr = ctx.classCreatorRest();
        if (cr) return { k: 'new', type, args: this.list(cr.arguments().expressionList()), named: null, pos };
        if (ctx.noRest()) return { k: 'newInit', type, items: [], pos };
        const ar = ctx.arrayCreatorRest();
        if (ar) {
            const size = ar.expression();
            if (size) return { k: 'newArray', type, size: this.expr(size), init: null, pos };
            const init = ar.arrayInitializer();
            return {
                k: 'newArray',
                type,
                size: null,
                init: init ? init.expression_list().map((e) => this.expr(e)) : [],
                pos,
            };
        }
        const mr = ctx.mapCreatorRest();
        if (mr) {
            const ps = mr.mapCreatorRestPair_list().map((p): [Expr, Expr] => {
                const [a, b] = p.expression_list();
                return [this.expr(a), this.expr(b)];
            });
            return { k: 'newMap', type, pairs: ps, pos };
        }
        const sr = ctx.setCreatorRest();
        if (sr) return { k: 'newInit', type, items: sr.expression_list().map((e) => this.expr(e)), pos };
        return notSupported(`creator '${ctx.getText()}'`, pos);
    }
}

function opText(ctx: ParserRuleContext, index: number): string {
    const c = ctx.children![index];
    return c.getText();
}

function negateLiteral(lit: Literal): Literal | null {
    switch (lit.t) {
        case 'int':
            return { t: 'int', v: -lit.v | 0 };
        case 'long':
            return { t: 'long', v: -lit.v };
        case 'double':
            return { t: 'double', v: -lit.v };
        case 'decimal':
            return { t: 'decimal', text: '-' + lit.text };
        default:
            return null;
    }
}

export function unescapeApexString(raw: string, pos: SourcePos): string {
    if (!raw.includes('\\')) return raw;
    let out = '';
    for (let i = 0; i < raw.length; i++) {
        const ch = raw[i];
        if (ch !== '\\') {
            out += ch;
            continue;
        }
        const n = raw[++i];
        switch (n) {
            case 'n':
                out += '\n';
                break;
            case 't':
                out += '\t';
                break;
            case 'r':
                out += '\r';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case '\\':
                out += '\\';
                break;
            case "'":
                out += "'";
                break;
            case '"':
                out += '"';
                break;
            case 'u': {
                out += String.fromCharCode(parseInt(raw.slice(i + 1, i + 5), 16));
                i += 4;
                break;
            }
            default:
                compileError(`Illegal escape sequence \\${n ?? ''}`, pos);
        }
    }
    return out;
}
