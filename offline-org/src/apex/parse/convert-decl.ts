/**
 * Parse tree -> AST for statements, class/interface/enum declarations, triggers and anonymous blocks.
 */
import * as P from '@apexdevtools/apex-parser';
import type {
    AnonymousUnit,
    Expr,
    Member,
    Modifiers,
    Param,
    Stmt,
    TriggerDecl,
    TypeDecl,
    VarDecl,
    WhenValue,
} from '../ast.js';
import { compileError, notSupported } from '../errors.js';
import { RESERVED_IDENTIFIERS } from './reserved-words.js';
import { ExprConverter, unescapeApexString } from './convert-expr.js';

export class DeclConverter extends ExprConverter {
    block(ctx: P.BlockContext): Stmt {
        return { k: 'block', body: ctx.statement_list().map((s) => this.stmt(s)), pos: this.pos(ctx) };
    }

    private optStmt(
        ctx: P.StatementContext | null | undefined,
        fallbackPos: P.StatementContext | P.ForStatementContext | P.WhileStatementContext,
    ): Stmt {
        return ctx ? this.stmt(ctx) : { k: 'empty', pos: this.pos(fallbackPos) };
    }

    /** The name a variable, field, parameter or caught exception is declared with; a reserved word is refused. */
    private declared(id: P.IdContext): string {
        const name = id.getText();
        if (RESERVED_IDENTIFIERS.has(name.toLowerCase()))
            compileError(`Identifier name is reserved: ${name}`, this.pos(id));
        return name;
    }

    varDecls(ctx: P.VariableDeclaratorsContext): VarDecl[] {
        return ctx.variableDeclarator_list().map((v) => {
            const init = v.expression();
            return { name: this.declared(v.id()), init: init ? this.expr(init) : null, pos: this.pos(v) };
        });
    }

    local(ctx: P.LocalVariableDeclarationContext): Stmt {
        return {
            k: 'local',
            type: this.typeRef(ctx.typeRef()),
            vars: this.varDecls(ctx.variableDeclarators()),
            pos: this.pos(ctx),
        };
    }

    stmt(ctx: P.StatementContext): Stmt {
        const pos = this.pos(ctx);
        const c = ctx.getChild(0);
        if (c instanceof P.BlockContext) return this.block(c);
        if (c instanceof P.LocalVariableDeclarationStatementContext) return this.local(c.localVariableDeclaration());
        if (c instanceof P.ExpressionStatementContext) return { k: 'expr', expr: this.expr(c.expression()), pos };
        if (c instanceof P.IfStatementContext) {
            const [a, b] = c.statement_list();
            return {
                k: 'if',
                cond: this.expr(c.parExpression().expression()),
                then: this.stmt(a),
                else: b ? this.stmt(b) : null,
                pos,
            };
        }
        if (c instanceof P.ForStatementContext) {
            const fc = c.forControl();
            const body = this.optStmt(c.statement(), c);
            const en = fc.enhancedForControl();
            if (en)
                return {
                    k: 'forEach',
                    type: this.typeRef(en.typeRef()),
                    name: this.declared(en.id()),
                    iter: this.expr(en.expression()),
                    body,
                    pos,
                };
            const init: Stmt[] = [];
            const fi = fc.forInit();
            if (fi) {
                const ld = fi.localVariableDeclaration();
                if (ld) init.push(this.local(ld));
                else for (const e of this.list(fi.expressionList())) init.push({ k: 'expr', expr: e, pos });
            }
            const cond = fc.expression();
            const upd = fc.forUpdate();
            return {
                k: 'for',
                init,
                cond: cond ? this.expr(cond) : null,
                update: upd ? this.list(upd.expressionList()) : [],
                body,
                pos,
            };
        }
        if (c instanceof P.WhileStatementContext)
            return {
                k: 'while',
                cond: this.expr(c.parExpression().expression()),
                body: this.optStmt(c.statement(), c),
                pos,
            };
        if (c instanceof P.DoWhileStatementContext)
            return { k: 'doWhile', cond: this.expr(c.parExpression().expression()), body: this.block(c.block()), pos };
        if (c instanceof P.TryStatementContext) {
            const catches = c.catchClause_list().map((cc) => ({
                type: {
                    parts: cc
                        .qualifiedName()
                        .id_list()
                        .map((i) => i.getText()),
                    args: [],
                    arrayDepth: 0,
                    pos: this.pos(cc),
                },
                name: this.declared(cc.id()),
                body: this.block(cc.block()),
                pos: this.pos(cc),
            }));
            const fin = c.finallyBlock();
            return { k: 'try', body: this.block(c.block()), catches, fin: fin ? this.block(fin.block()) : null, pos };
        }
        if (c instanceof P.ReturnStatementContext) {
            const e = c.expression();
            return { k: 'return', expr: e ? this.expr(e) : null, pos };
        }
        if (c instanceof P.ThrowStatementContext) return { k: 'throw', expr: this.expr(c.expression()), pos };
        if (c instanceof P.BreakStatementContext) return { k: 'break', pos };
        if (c instanceof P.ContinueStatementContext) return { k: 'continue', pos };
        if (c instanceof P.SwitchStatementContext) {
            const whens = c
                .whenControl_list()
                .map((w) => ({ value: this.whenValue(w.whenValue()), body: this.block(w.block()), pos: this.pos(w) }));
            return { k: 'switch', expr: this.expr(c.expression()), whens, pos };
        }
        if (
            c instanceof P.InsertStatementContext ||
            c instanceof P.UpdateStatementContext ||
            c instanceof P.DeleteStatementContext ||
            c instanceof P.UndeleteStatementContext ||
            c instanceof P.UpsertStatementContext ||
            c instanceof P.MergeStatementContext
        ) {
            const op = c.getChild(0).getText().toLowerCase() as 'insert';
            const al = c.accessLevel();
            const accessLevel = al ? (al.USER() ? 'user' : 'system') : null;
            if (c instanceof P.MergeStatementContext) {
                const [a, b] = c.expression_list();
                return {
                    k: 'dml',
                    op: 'merge',
                    expr: this.expr(a),
                    extra: this.expr(b),
                    upsertField: null,
                    accessLevel,
                    pos,
                };
            }
            const qn = c instanceof P.UpsertStatementContext ? c.qualifiedName() : null;
            return {
                k: 'dml',
                op,
                expr: this.expr(c.expression()),
                extra: null,
                upsertField: qn ? qn.getText() : null,
                accessLevel,
                pos,
            };
        }
        if (c instanceof P.RunAsStatementContext)
            return { k: 'runAs', args: this.list(c.expressionList()), body: this.block(c.block()), pos };
        return notSupported(`statement '${ctx.getText().slice(0, 40)}'`, pos);
    }

    private whenValue(ctx: P.WhenValueContext): WhenValue {
        if (ctx.ELSE()) return { k: 'else' };
        const tr = ctx.typeRef();
        if (tr) return { k: 'type', type: this.typeRef(tr), name: ctx.id().getText() };
        return { k: 'literals', values: ctx.whenLiteral_list().map((l) => this.whenLiteral(l)) };
    }

    private whenLiteral(ctx: P.WhenLiteralContext): Expr {
        const pos = this.pos(ctx);
        const inner = ctx.whenLiteral();
        if (inner) return this.whenLiteral(inner);
        const negative = ctx.SUB_list().length % 2 === 1;
        if (ctx.IntegerLiteral()) {
            const v = Number(ctx.IntegerLiteral().getText());
            return { k: 'lit', lit: { t: 'int', v: negative ? -v | 0 : v }, pos };
        }
        if (ctx.LongLiteral()) {
            const v = BigInt(ctx.LongLiteral().getText().slice(0, -1));
            return { k: 'lit', lit: { t: 'long', v: negative ? -v : v }, pos };
        }
        if (ctx.StringLiteral())
            return { k: 'lit', lit: this.literalFromString(ctx.StringLiteral().getText(), pos), pos };
        if (ctx.NULL()) return { k: 'lit', lit: { t: 'null' }, pos };
        const ids = ctx
            .qualifiedName()
            .id_list()
            .map((i) => i.getText());
        let e: Expr = { k: 'name', name: ids[0], pos };
        for (const id of ids.slice(1)) e = { k: 'field', target: e, name: id, safe: false, pos };
        return e;
    }

    private literalFromString(text: string, pos: { file: string; line: number }): { t: 'string'; v: string } {
        return { t: 'string', v: unescapeApexString(text.slice(1, -1), pos) };
    }

    modifiers(list: P.ModifierContext[]): Modifiers {
        const set = new Set<string>();
        const annotations: { name: string; params: string }[] = [];
        for (const m of list) {
            const a = m.annotation();
            if (a) {
                const name = a.id ? a.id().getText() : a.getText();
                const pv = a.elementValuePairs() ?? a.elementValue();
                annotations.push({
                    name: name.toLowerCase(),
                    params: pv ? this.source.slice(pv.start.start, (pv.stop ?? pv.start).stop + 1) : '',
                });
            } else {
                set.add(
                    m
                        .getText()
                        .toLowerCase()
                        .replace(/sharing$/, ' sharing'),
                );
            }
        }
        return { set, annotations };
    }

    params(ctx: P.FormalParametersContext): Param[] {
        const l = ctx.formalParameterList();
        if (!l) return [];
        return l.formalParameter_list().map((p) => ({ type: this.typeRef(p.typeRef()), name: this.declared(p.id()) }));
    }

    member(
        mods: Modifiers,
        ctx: P.MemberDeclarationContext | P.TriggerMemberDeclarationContext | P.AnonymousMemberDeclarationContext,
    ): Member {
        const c = ctx.getChild(0);
        const pos = this.pos(ctx);
        if (c instanceof P.MethodDeclarationContext) {
            const tr = c.typeRef();
            const b = c.block();
            return {
                kind: 'method',
                name: c.id().getText(),
                mods,
                returnType: tr ? this.typeRef(tr) : null,
                params: this.params(c.formalParameters()),
                body: b ? this.block(b) : null,
                pos,
            };
        }
        if (c instanceof P.ConstructorDeclarationContext)
            return { kind: 'ctor', mods, params: this.params(c.formalParameters()), body: this.block(c.block()), pos };
        if (c instanceof P.FieldDeclarationContext)
            return {
                kind: 'field',
                mods,
                type: this.typeRef(c.typeRef()),
                vars: this.varDecls(c.variableDeclarators()),
                pos,
            };
        if (c instanceof P.PropertyDeclarationContext) {
            let getter: { body: Stmt | null; mods: Modifiers } | null = null;
            let setter: { body: Stmt | null; mods: Modifiers } | null = null;
            for (const pb of c.propertyBlock_list()) {
                const pm = this.modifiers(pb.modifier_list());
                const g = pb.getter();
                const s = pb.setter();
                if (g) getter = { body: g.block() ? this.block(g.block()) : null, mods: pm };
                if (s) setter = { body: s.block() ? this.block(s.block()) : null, mods: pm };
            }
            return {
                kind: 'property',
                mods,
                type: this.typeRef(c.typeRef()),
                name: c.id().getText(),
                getter,
                setter,
                pos,
            };
        }
        if (c instanceof P.ClassDeclarationContext) return this.classDecl(mods, c);
        if (c instanceof P.InterfaceDeclarationContext) return this.interfaceDecl(mods, c);
        if (c instanceof P.EnumDeclarationContext) return this.enumDecl(mods, c);
        return notSupported(`member '${ctx.getText().slice(0, 40)}'`, pos);
    }

    classDecl(mods: Modifiers, ctx: P.ClassDeclarationContext): TypeDecl {
        const members: Member[] = [];
        for (const d of ctx.classBody().classBodyDeclaration_list()) {
            const b = d.block();
            if (b) {
                members.push({ kind: 'init', isStatic: !!d.STATIC(), body: this.block(b), pos: this.pos(d) });
                continue;
            }
            const md = d.memberDeclaration();
            if (md) members.push(this.member(this.modifiers(d.modifier_list()), md));
        }
        const ext = ctx.typeRef();
        const impl = ctx.typeList();
        return {
            kind: 'type',
            typeKind: 'class',
            name: ctx.id().getText(),
            mods,
            superType: ext ? this.typeRef(ext) : null,
            interfaces: impl ? impl.typeRef_list().map((t) => this.typeRef(t)) : [],
            members,
            enumValues: [],
            pos: this.pos(ctx),
        };
    }

    interfaceDecl(mods: Modifiers, ctx: P.InterfaceDeclarationContext): TypeDecl {
        const members: Member[] = ctx
            .interfaceBody()
            .interfaceMethodDeclaration_list()
            .map((m) => {
                const tr = m.typeRef();
                return {
                    kind: 'method',
                    name: m.id().getText(),
                    mods: this.modifiers(m.modifier_list()),
                    returnType: tr ? this.typeRef(tr) : null,
                    params: this.params(m.formalParameters()),
                    body: null,
                    pos: this.pos(m),
                };
            });
        const ext = ctx.typeList();
        return {
            kind: 'type',
            typeKind: 'interface',
            name: ctx.id().getText(),
            mods,
            superType: null,
            interfaces: ext ? ext.typeRef_list().map((t) => this.typeRef(t)) : [],
            members,
            enumValues: [],
            pos: this.pos(ctx),
        };
    }

    enumDecl(mods: Modifiers, ctx: P.EnumDeclarationContext): TypeDecl {
        const ec = ctx.enumConstants();
        return {
            kind: 'type',
            typeKind: 'enum',
            name: ctx.id().getText(),
            mods,
            superType: null,
            interfaces: [],
            members: [],
            enumValues: ec ? ec.id_list().map((i) => i.getText()) : [],
            pos: this.pos(ctx),
        };
    }

    compilationUnit(ctx: P.CompilationUnitContext): TypeDecl {
        const td = ctx.typeDeclaration();
        const mods = this.modifiers(td.modifier_list());
        const cd = td.classDeclaration();
        if (cd) return this.classDecl(mods, cd);
        const id = td.interfaceDeclaration();
        if (id) return this.interfaceDecl(mods, id);
        return this.enumDecl(mods, td.enumDeclaration());
    }

    trigger(ctx: P.TriggerUnitContext): TriggerDecl {
        const [name, obj] = ctx.id_list();
        const events = ctx.triggerCase_list().map((c) =>
            c
                .getText()
                .toLowerCase()
                .replace(/^(before|after)/, '$1 '),
        );
        const body: Stmt[] = [];
        const members: Member[] = [];
        for (const m of ctx.triggerBlock().triggerBlockMember_list()) {
            const s = m.statement();
            if (s) body.push(this.stmt(s));
            else members.push(this.member(this.modifiers(m.modifier_list()), m.triggerMemberDeclaration()));
        }
        return { name: name.getText(), object: obj.getText(), events, body, members, pos: this.pos(ctx) };
    }

    anonymous(ctx: P.AnonymousUnitContext): AnonymousUnit {
        const body: Stmt[] = [];
        const members: Member[] = [];
        for (const m of ctx.anonymousBlock().anonymousBlockMember_list()) {
            const s = m.statement();
            if (s) {
                body.push(this.stmt(s));
                continue;
            }
            const mem = this.member(this.modifiers(m.modifier_list()), m.anonymousMemberDeclaration());
            // A top-level `Type x = ...;` in anonymous Apex is a local variable, not a field.
            if (mem.kind === 'field' && !mem.mods.set.has('static'))
                body.push({ k: 'local', type: mem.type, vars: mem.vars, pos: mem.pos });
            else members.push(mem);
        }
        return { members, body };
    }
}
