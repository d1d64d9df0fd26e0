/**
 * Reads what an Apex class exposes to Lightning components: its `@AuraEnabled` static methods and the
 * `@AuraEnabled` members of its inner classes, with their Apex types as written.
 */
import {
    ApexParserFactory,
    ApexErrorListener,
    type ClassBodyDeclarationContext,
    type ClassDeclarationContext,
    type ModifierContext,
    type TypeRefContext,
} from '@apexdevtools/apex-parser';

/** An Apex type reference, structurally. */
export interface ApexTypeRef {
    /** Dotted name as written, e.g. `List`, `Map`, `RunLifecycleController.RunStateInfo`. */
    name: string;
    /** Type arguments of List/Set/Map. */
    args: ApexTypeRef[];
    /** Number of `[]` suffixes. */
    arrayDepth: number;
}

export interface AuraMethod {
    name: string;
    cacheable: boolean;
    params: { name: string; type: ApexTypeRef }[];
    returns: ApexTypeRef | null;
}

export interface AuraShape {
    /** Inner class name. */
    name: string;
    members: { name: string; type: ApexTypeRef }[];
}

export interface AuraClass {
    name: string;
    methods: AuraMethod[];
    shapes: AuraShape[];
}

class SyntaxErrors extends ApexErrorListener {
    public readonly messages: string[] = [];
    public constructor(private readonly file: string) {
        super();
    }
    public override apexSyntaxError(line: number, column: number, message: string): void {
        this.messages.push(`${this.file}:${line}:${column + 1} ${message}`);
    }
}

function typeRef(ctx: TypeRefContext): ApexTypeRef {
    const parts = ctx.typeName_list();
    const last = parts[parts.length - 1];
    const args = last.typeArguments()?.typeList()?.typeRef_list().map(typeRef) ?? [];
    const name = parts.map((part) => (part.LIST() ?? part.SET() ?? part.MAP() ?? part.id()).getText()).join('.');
    return { name, args, arrayDepth: ctx.arraySubscripts()?.LBRACK_list().length ?? 0 };
}

function auraAnnotation(modifiers: ModifierContext[]): { cacheable: boolean } | null {
    for (const modifier of modifiers) {
        const annotation = modifier.annotation();
        if (annotation && annotation.id().getText().toLowerCase() === 'auraenabled') {
            const pairs = annotation.elementValuePairs()?.elementValuePair_list() ?? [];
            const cacheable = pairs.some(
                (pair) => pair.id().getText().toLowerCase() === 'cacheable' && pair.elementValue().getText() === 'true',
            );
            return { cacheable };
        }
    }
    return null;
}

function isStatic(modifiers: ModifierContext[]): boolean {
    return modifiers.some((modifier) => modifier.STATIC() !== null);
}

function members(declarations: ClassBodyDeclarationContext[]): { name: string; type: ApexTypeRef }[] {
    const found: { name: string; type: ApexTypeRef }[] = [];
    for (const declaration of declarations) {
        const modifiers = declaration.modifier_list();
        const member = declaration.memberDeclaration();
        if (!member || !auraAnnotation(modifiers) || isStatic(modifiers)) {
            continue;
        }
        const field = member.fieldDeclaration();
        if (field) {
            for (const variable of field.variableDeclarators().variableDeclarator_list()) {
                found.push({ name: variable.id().getText(), type: typeRef(field.typeRef()) });
            }
        }
        const property = member.propertyDeclaration();
        if (property) {
            found.push({ name: property.id().getText(), type: typeRef(property.typeRef()) });
        }
    }
    return found;
}

function describeClass(ctx: ClassDeclarationContext): AuraClass {
    const result: AuraClass = { name: ctx.id().getText(), methods: [], shapes: [] };
    for (const declaration of ctx.classBody().classBodyDeclaration_list()) {
        const member = declaration.memberDeclaration();
        const modifiers = declaration.modifier_list();
        const method = member?.methodDeclaration();
        const aura = auraAnnotation(modifiers);
        if (method && aura && isStatic(modifiers)) {
            result.methods.push({
                name: method.id().getText(),
                cacheable: aura.cacheable,
                params: (method.formalParameters().formalParameterList()?.formalParameter_list() ?? []).map(
                    (param) => ({
                        name: param.id().getText(),
                        type: typeRef(param.typeRef()),
                    }),
                ),
                returns: method.VOID() ? null : typeRef(method.typeRef()),
            });
        }
        const inner = member?.classDeclaration();
        if (inner) {
            const shapeMembers = members(inner.classBody().classBodyDeclaration_list());
            if (shapeMembers.length > 0) {
                result.shapes.push({ name: inner.id().getText(), members: shapeMembers });
            }
        }
    }
    return result;
}

/**
 * The Aura surface of one Apex class file, or null when it exposes nothing (or is an interface or enum).
 * Throws with file:line:column when the source does not parse.
 */
export function describeAuraSurface(source: string, file: string): AuraClass | null {
    const parser = ApexParserFactory.createParser(source);
    const errors = new SyntaxErrors(file);
    parser.removeErrorListeners();
    parser.addErrorListener(errors);
    const unit = parser.compilationUnit();
    if (errors.messages.length > 0) {
        throw new Error(`Apex syntax error:\n${errors.messages.join('\n')}`);
    }
    const declaration = unit.typeDeclaration()?.classDeclaration();
    if (!declaration) {
        return null;
    }
    const surface = describeClass(declaration);
    return surface.methods.length > 0 || surface.shapes.length > 0 ? surface : null;
}
