/**
 * The query builder's model, free of Vue: a GraphQL document as an editable tree (operation,
 * variables, selected fields with nested selections and arguments) and back. The builder edits
 * the tree; the text editor edits the document; each is derived from the other through
 * `documentToTree` / `treeToDocument`, which round-trip every document graphql-js prints.
 */
import {
  Kind, getNamedType, isInputObjectType, isEnumType, isListType, isNonNullType, isObjectType, isInterfaceType, isLeafType,
  parse, print, typeFromAST, type GraphQLScalarType,
  type ArgumentNode, type DirectiveNode, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLField,
  type GraphQLInputType, type GraphQLNamedType, type GraphQLObjectType, type GraphQLInterfaceType, type GraphQLSchema,
  type OperationDefinitionNode, type OperationTypeNode, type SelectionNode, type TypeNode, type ValueNode,
  type VariableDefinitionNode, parseType,
} from 'graphql';

/** An argument or input value: a literal, a variable reference, a list or an input object. */
export type ArgValue =
  | { kind: 'variable'; name: string }
  | { kind: 'int' | 'float'; value: string }
  | { kind: 'string'; value: string; block?: boolean }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'enum'; value: string }
  | { kind: 'null' }
  | { kind: 'list'; items: ArgValue[] }
  | { kind: 'object'; fields: ArgEntry[] };

export interface ArgEntry {
  name: string;
  value: ArgValue;
}

export interface DirectiveUse {
  name: string;
  args: ArgEntry[];
}

export interface FieldSelection {
  kind: 'field';
  name: string;
  alias?: string;
  args: ArgEntry[];
  directives: DirectiveUse[];
  /** Null for a leaf (scalar or enum) field. */
  selections: Selection[] | null;
}

export interface FragmentSpread {
  kind: 'spread';
  name: string;
  directives: DirectiveUse[];
}

export interface InlineFragment {
  kind: 'inline';
  typeCondition: string | null;
  directives: DirectiveUse[];
  selections: Selection[];
}

export type Selection = FieldSelection | FragmentSpread | InlineFragment;

export interface VariableDef {
  name: string;
  /** The type as written, e.g. `EmployeeWhere`, `[ID!]!`. */
  type: string;
  defaultValue?: ArgValue;
  directives: DirectiveUse[];
}

export interface OperationTree {
  kind: 'operation';
  operation: 'query' | 'mutation' | 'subscription';
  name: string | null;
  variables: VariableDef[];
  directives: DirectiveUse[];
  selections: Selection[];
}

export interface FragmentTree {
  kind: 'fragment';
  name: string;
  typeCondition: string;
  directives: DirectiveUse[];
  selections: Selection[];
}

/** A whole document: its operations and fragments, in the order written. */
export interface QueryTree {
  definitions: (OperationTree | FragmentTree)[];
}

// ---------------------------------------------------------------------------------------------
// Document → tree

function valueFromAst(node: ValueNode): ArgValue {
  switch (node.kind) {
    case Kind.VARIABLE:
      return { kind: 'variable', name: node.name.value };
    case Kind.INT:
      return { kind: 'int', value: node.value };
    case Kind.FLOAT:
      return { kind: 'float', value: node.value };
    case Kind.STRING:
      return node.block ? { kind: 'string', value: node.value, block: true } : { kind: 'string', value: node.value };
    case Kind.BOOLEAN:
      return { kind: 'boolean', value: node.value };
    case Kind.ENUM:
      return { kind: 'enum', value: node.value };
    case Kind.NULL:
      return { kind: 'null' };
    case Kind.LIST:
      return { kind: 'list', items: node.values.map(valueFromAst) };
    case Kind.OBJECT:
      return { kind: 'object', fields: node.fields.map((f) => ({ name: f.name.value, value: valueFromAst(f.value) })) };
  }
}

const argsFromAst = (args: readonly ArgumentNode[] | undefined): ArgEntry[] =>
  (args ?? []).map((a) => ({ name: a.name.value, value: valueFromAst(a.value) }));

const directivesFromAst = (directives: readonly DirectiveNode[] | undefined): DirectiveUse[] =>
  (directives ?? []).map((d) => ({ name: d.name.value, args: argsFromAst(d.arguments) }));

function selectionsFromAst(selections: readonly SelectionNode[]): Selection[] {
  return selections.map((s): Selection => {
    if (s.kind === Kind.FIELD) {
      const field: FieldSelection = {
        kind: 'field',
        name: s.name.value,
        args: argsFromAst(s.arguments),
        directives: directivesFromAst(s.directives),
        selections: s.selectionSet ? selectionsFromAst(s.selectionSet.selections) : null,
      };
      if (s.alias) field.alias = s.alias.value;
      return field;
    }
    if (s.kind === Kind.FRAGMENT_SPREAD) return { kind: 'spread', name: s.name.value, directives: directivesFromAst(s.directives) };
    return {
      kind: 'inline',
      typeCondition: s.typeCondition?.name.value ?? null,
      directives: directivesFromAst(s.directives),
      selections: selectionsFromAst(s.selectionSet.selections),
    };
  });
}

function variableFromAst(v: VariableDefinitionNode): VariableDef {
  const def: VariableDef = { name: v.variable.name.value, type: print(v.type), directives: directivesFromAst(v.directives) };
  if (v.defaultValue) def.defaultValue = valueFromAst(v.defaultValue);
  return def;
}

export function astToTree(doc: DocumentNode): QueryTree {
  const definitions: QueryTree['definitions'] = [];
  for (const d of doc.definitions) {
    if (d.kind === Kind.OPERATION_DEFINITION) {
      definitions.push({
        kind: 'operation',
        operation: d.operation as OperationTree['operation'],
        name: d.name?.value ?? null,
        variables: (d.variableDefinitions ?? []).map(variableFromAst),
        directives: directivesFromAst(d.directives),
        selections: selectionsFromAst(d.selectionSet.selections),
      });
    } else if (d.kind === Kind.FRAGMENT_DEFINITION) {
      definitions.push({
        kind: 'fragment',
        name: d.name.value,
        typeCondition: d.typeCondition.name.value,
        directives: directivesFromAst(d.directives),
        selections: selectionsFromAst(d.selectionSet.selections),
      });
    } else {
      throw new Error(`the query builder edits operations and fragments only, not ${d.kind}`);
    }
  }
  return { definitions };
}

/** Parses GraphQL text into the tree; throws graphql-js's GraphQLError (with its location) when it does not parse. */
export function documentToTree(text: string): QueryTree {
  return astToTree(parse(text, { noLocation: true }));
}

// ---------------------------------------------------------------------------------------------
// Tree → document

const name = (value: string) => ({ kind: Kind.NAME, value }) as const;

export function valueToAst(value: ArgValue): ValueNode {
  switch (value.kind) {
    case 'variable':
      return { kind: Kind.VARIABLE, name: name(value.name) };
    case 'int':
      return { kind: Kind.INT, value: value.value };
    case 'float':
      return { kind: Kind.FLOAT, value: value.value };
    case 'string':
      return { kind: Kind.STRING, value: value.value, block: value.block ?? false };
    case 'boolean':
      return { kind: Kind.BOOLEAN, value: value.value };
    case 'enum':
      return { kind: Kind.ENUM, value: value.value };
    case 'null':
      return { kind: Kind.NULL };
    case 'list':
      return { kind: Kind.LIST, values: value.items.map(valueToAst) };
    case 'object':
      return { kind: Kind.OBJECT, fields: value.fields.map((f) => ({ kind: Kind.OBJECT_FIELD, name: name(f.name), value: valueToAst(f.value) })) };
  }
}

const argsToAst = (args: ArgEntry[]): ArgumentNode[] => args.map((a) => ({ kind: Kind.ARGUMENT, name: name(a.name), value: valueToAst(a.value) }));
const directivesToAst = (directives: DirectiveUse[]): DirectiveNode[] =>
  directives.map((d) => ({ kind: Kind.DIRECTIVE, name: name(d.name), arguments: argsToAst(d.args) }));

function selectionsToAst(selections: Selection[]): SelectionNode[] {
  return selections.map((s): SelectionNode => {
    if (s.kind === 'field') {
      const node: FieldNode = {
        kind: Kind.FIELD,
        alias: s.alias ? name(s.alias) : undefined,
        name: name(s.name),
        arguments: argsToAst(s.args),
        directives: directivesToAst(s.directives),
        selectionSet: s.selections ? { kind: Kind.SELECTION_SET, selections: selectionsToAst(s.selections) } : undefined,
      };
      return node;
    }
    if (s.kind === 'spread') return { kind: Kind.FRAGMENT_SPREAD, name: name(s.name), directives: directivesToAst(s.directives) };
    return {
      kind: Kind.INLINE_FRAGMENT,
      typeCondition: s.typeCondition ? { kind: Kind.NAMED_TYPE, name: name(s.typeCondition) } : undefined,
      directives: directivesToAst(s.directives),
      selectionSet: { kind: Kind.SELECTION_SET, selections: selectionsToAst(s.selections) },
    };
  });
}

export function treeToAst(tree: QueryTree): DocumentNode {
  return {
    kind: Kind.DOCUMENT,
    definitions: tree.definitions.map((d): OperationDefinitionNode | FragmentDefinitionNode => {
      if (d.kind === 'fragment') {
        return {
          kind: Kind.FRAGMENT_DEFINITION,
          name: name(d.name),
          typeCondition: { kind: Kind.NAMED_TYPE, name: name(d.typeCondition) },
          directives: directivesToAst(d.directives),
          selectionSet: { kind: Kind.SELECTION_SET, selections: selectionsToAst(d.selections) },
        };
      }
      return {
        kind: Kind.OPERATION_DEFINITION,
        operation: d.operation as OperationTypeNode,
        name: d.name ? name(d.name) : undefined,
        variableDefinitions: d.variables.map(
          (v): VariableDefinitionNode => ({
            kind: Kind.VARIABLE_DEFINITION,
            variable: { kind: Kind.VARIABLE, name: name(v.name) },
            type: parseType(v.type) as TypeNode,
            defaultValue: v.defaultValue ? (valueToAst(v.defaultValue) as VariableDefinitionNode['defaultValue']) : undefined,
            directives: v.directives.length ? (directivesToAst(v.directives) as VariableDefinitionNode['directives']) : undefined,
          }),
        ),
        directives: directivesToAst(d.directives),
        selectionSet: { kind: Kind.SELECTION_SET, selections: selectionsToAst(d.selections) },
      };
    }),
  };
}

export function treeToDocument(tree: QueryTree): string {
  return print(treeToAst(tree));
}

// ---------------------------------------------------------------------------------------------
// Editing: the builder changes one operation (the first) of the tree. Every edit returns a new tree.

/** The operation the builder edits: the document's first one. */
export function mainOperation(tree: QueryTree): OperationTree | null {
  return tree.definitions.find((d): d is OperationTree => d.kind === 'operation') ?? null;
}

export const responseKey = (f: FieldSelection): string => f.alias ?? f.name;

/**
 * A field's place in the operation: field names from the root, e.g. ["employees", "nodes", "unit", "code"].
 * The builder's tree is drawn from the schema, so it names fields, not aliases; where a document
 * selects one field under several aliases, a path means the first of them.
 */
export type FieldPath = readonly string[];

export const pathKey = (path: FieldPath): string => path.join('.');

export function findField(selections: Selection[] | null, path: FieldPath): FieldSelection | null {
  let current: FieldSelection | null = null;
  let list = selections;
  for (const key of path) {
    current = (list ?? []).find((s): s is FieldSelection => s.kind === 'field' && s.name === key) ?? null;
    if (!current) return null;
    list = current.selections;
  }
  return current;
}

const clone = <T>(value: T): T => structuredClone(value);

function withOperation(tree: QueryTree, edit: (op: OperationTree) => void): QueryTree {
  const next = clone(tree);
  let op = mainOperation(next);
  if (!op) {
    op = { kind: 'operation', operation: 'query', name: null, variables: [], directives: [], selections: [] };
    next.definitions.unshift(op);
  }
  edit(op);
  return next;
}

/** The named type a field path ends on, following the schema from the query root. */
export function typeAtPath(schema: GraphQLSchema, path: FieldPath): GraphQLNamedType | null {
  let type: GraphQLNamedType | null | undefined = schema.getQueryType();
  for (const key of path) {
    if (!type || !(isObjectType(type) || isInterfaceType(type))) return null;
    const field: GraphQLField<unknown, unknown> | undefined = type.getFields()[key];
    if (!field) return null;
    type = getNamedType(field.type);
  }
  return type ?? null;
}

/** The schema field a tree path names. */
export function fieldAtPath(schema: GraphQLSchema, path: FieldPath): GraphQLField<unknown, unknown> | null {
  const parent = typeAtPath(schema, path.slice(0, -1));
  if (!parent || !(isObjectType(parent) || isInterfaceType(parent))) return null;
  const last = path[path.length - 1];
  return last === undefined ? null : (parent.getFields()[last] ?? null);
}

/** The leaf fields without required arguments: what ticking an object field selects at first. */
export function defaultLeaves(type: GraphQLObjectType | GraphQLInterfaceType): FieldSelection[] {
  return Object.values(type.getFields())
    .filter((f) => isLeafType(getNamedType(f.type)) && !f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined))
    .map((f) => ({ kind: 'field', name: f.name, args: [], directives: [], selections: null }));
}

/** A new selection for a field: leaves as they are, objects with their plain leaves (connections: nodes, pageInfo, totalCount). */
export function newFieldSelection(field: GraphQLField<unknown, unknown>): FieldSelection {
  const type = getNamedType(field.type);
  const selection: FieldSelection = { kind: 'field', name: field.name, args: [], directives: [], selections: null };
  if (isObjectType(type) || isInterfaceType(type)) {
    const fields = type.getFields();
    if (fields.nodes && fields.pageInfo) {
      const nodeType = getNamedType(fields.nodes.type);
      const nodes: FieldSelection = { kind: 'field', name: 'nodes', args: [], directives: [], selections: isObjectType(nodeType) ? defaultLeaves(nodeType) : null };
      selection.selections = [
        ...(fields.totalCount ? [{ kind: 'field', name: 'totalCount', args: [], directives: [], selections: null } as FieldSelection] : []),
        nodes,
        pageInfoSelection(),
      ];
    } else {
      const leaves = defaultLeaves(type);
      selection.selections = leaves.length ? leaves : [{ kind: 'field', name: '__typename', args: [], directives: [], selections: null }];
    }
  }
  return selection;
}

export function pageInfoSelection(): FieldSelection {
  return {
    kind: 'field',
    name: 'pageInfo',
    args: [],
    directives: [],
    selections: ['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor'].map((n) => ({ kind: 'field', name: n, args: [], directives: [], selections: null })),
  };
}

/** Selects or unselects the field at `path` (field names from the root); selecting adds missing parents, unselecting prunes emptied ones. */
export function toggleField(tree: QueryTree, schema: GraphQLSchema, path: FieldPath, on: boolean): QueryTree {
  return withOperation(tree, (op) => {
    if (on) {
      let list = op.selections;
      for (const [i, key] of path.entries()) {
        let field = list.find((s): s is FieldSelection => s.kind === 'field' && s.name === key);
        if (!field) {
          const def = fieldAtPath(schema, path.slice(0, i + 1));
          if (!def) return;
          field = i === path.length - 1 ? newFieldSelection(def) : { kind: 'field', name: key, args: [], directives: [], selections: isLeafType(getNamedType(def.type)) ? null : [] };
          list.push(field);
        }
        if (i < path.length - 1) {
          field.selections ??= [];
          list = field.selections;
        }
      }
      return;
    }
    const remove = (list: Selection[], depth: number): void => {
      const index = list.findIndex((s) => s.kind === 'field' && s.name === path[depth]);
      if (index < 0) return;
      const field = list[index] as FieldSelection;
      if (depth === path.length - 1) list.splice(index, 1);
      else if (field.selections) {
        remove(field.selections, depth + 1);
        if (field.selections.length === 0) list.splice(index, 1);
      }
    };
    remove(op.selections, 0);
  });
}

/** Paths of every selected field of the main operation (fragments not expanded). */
export function selectedPaths(tree: QueryTree): string[] {
  const out: string[] = [];
  const walk = (list: Selection[] | null, prefix: string[]) => {
    for (const s of list ?? []) {
      if (s.kind !== 'field') continue;
      const path = [...prefix, s.name];
      out.push(pathKey(path));
      walk(s.selections, path);
    }
  };
  walk(mainOperation(tree)?.selections ?? null, []);
  return out;
}

/** Sets (or with `undefined` removes) one argument of the field at `path`. */
export function setArgument(tree: QueryTree, path: FieldPath, arg: string, value: ArgValue | undefined): QueryTree {
  return withOperation(tree, (op) => {
    const field = findField(op.selections, path);
    if (!field) return;
    const index = field.args.findIndex((a) => a.name === arg);
    if (value === undefined) {
      if (index >= 0) field.args.splice(index, 1);
    } else if (index >= 0) field.args[index] = { name: arg, value };
    else field.args.push({ name: arg, value });
  });
}

/** Starts a new query on one root field, with its default selection. */
export function newRootQuery(schema: GraphQLSchema, rootField: string, operationName = 'Analysis'): QueryTree {
  const field = schema.getQueryType()?.getFields()[rootField];
  if (!field) throw new Error(`Query.${rootField} does not exist`);
  const selection = newFieldSelection(field);
  if (field.args.some((a) => a.name === 'first')) selection.args.push({ name: 'first', value: { kind: 'int', value: '50' } });
  return { definitions: [{ kind: 'operation', operation: 'query', name: operationName, variables: [], directives: [], selections: [selection] }] };
}

/** Adds or replaces a variable definition. */
export function setVariable(tree: QueryTree, def: Omit<VariableDef, 'directives'>): QueryTree {
  return withOperation(tree, (op) => {
    const existing = op.variables.findIndex((v) => v.name === def.name);
    const full: VariableDef = { ...def, directives: [] };
    if (existing >= 0) op.variables[existing] = full;
    else op.variables.push(full);
  });
}

/** Removes variable definitions no argument refers to any more. */
export function pruneVariables(tree: QueryTree): QueryTree {
  const used = new Set<string>();
  const visitValue = (v: ArgValue): void => {
    if (v.kind === 'variable') used.add(v.name);
    else if (v.kind === 'list') v.items.forEach(visitValue);
    else if (v.kind === 'object') v.fields.forEach((f) => visitValue(f.value));
  };
  const visit = (list: Selection[]): void => {
    for (const s of list) {
      s.directives.forEach((d) => d.args.forEach((a) => visitValue(a.value)));
      if (s.kind === 'field') {
        s.args.forEach((a) => visitValue(a.value));
        if (s.selections) visit(s.selections);
      } else if (s.kind === 'inline') visit(s.selections);
    }
  };
  for (const d of tree.definitions) visit(d.selections);
  return withOperation(tree, (op) => {
    op.variables = op.variables.filter((v) => used.has(v.name));
  });
}

// ---------------------------------------------------------------------------------------------
// Values: JavaScript values (variables JSON) ↔ argument values, guided by input types

/** The type text of an input type, e.g. `[EmployeeWhere!]`. */
export const typeText = (type: GraphQLInputType): string => type.toString();

export function inputTypeOf(schema: GraphQLSchema, text: string): GraphQLInputType | null {
  const type = typeFromAST(schema, parseType(text) as Parameters<typeof typeFromAST>[1]);
  return (type as GraphQLInputType | undefined) ?? null;
}

/** A literal argument value for a JavaScript value of an input type (used when unbinding a variable). */
export function jsToValue(value: unknown, type: GraphQLInputType): ArgValue {
  if (value === null || value === undefined) return { kind: 'null' };
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const items = Array.isArray(value) ? value : [value];
    return { kind: 'list', items: items.map((v) => jsToValue(v, inner.ofType as GraphQLInputType)) };
  }
  if (isInputObjectType(inner)) {
    const fields = inner.getFields();
    const entries = Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => {
      const field = fields[k];
      return field ? [{ name: k, value: jsToValue(v, field.type) }] : [];
    });
    return { kind: 'object', fields: entries };
  }
  if (isEnumType(inner)) return { kind: 'enum', value: String(value) };
  switch ((inner as GraphQLScalarType).name) {
    case 'Int':
      return { kind: 'int', value: String(Math.trunc(Number(value))) };
    case 'Float':
      return Number.isInteger(Number(value)) ? { kind: 'int', value: String(Number(value)) } : { kind: 'float', value: String(Number(value)) };
    case 'Boolean':
      return { kind: 'boolean', value: Boolean(value) };
    default:
      return { kind: 'string', value: typeof value === 'string' ? value : JSON.stringify(value) };
  }
}

/** The JavaScript value of a literal, with variables read from `variables` (as a server would). */
export function valueToJs(value: ArgValue, variables: Record<string, unknown> = {}): unknown {
  switch (value.kind) {
    case 'variable':
      return variables[value.name];
    case 'int':
    case 'float':
      return Number(value.value);
    case 'string':
    case 'enum':
      return value.value;
    case 'boolean':
      return value.value;
    case 'null':
      return null;
    case 'list':
      return value.items.map((v) => valueToJs(v, variables));
    case 'object':
      return Object.fromEntries(value.fields.map((f) => [f.name, valueToJs(f.value, variables)]));
  }
}

/** An empty value of an input type, for a newly added argument or input field. */
export function emptyValue(type: GraphQLInputType): ArgValue {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return { kind: 'list', items: [] };
  if (isInputObjectType(inner)) {
    // Required fields come filled in, so a new condition (e.g. competencyLevel's competency) is never half-formed.
    const required = Object.values(inner.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return { kind: 'object', fields: required.map((f) => ({ name: f.name, value: emptyValue(f.type) })) };
  }
  if (isEnumType(inner)) return { kind: 'enum', value: inner.getValues()[0]?.name ?? '' };
  const scalar = inner as GraphQLScalarType;
  if (scalar.name === 'Int' || scalar.name === 'Float') return { kind: 'int', value: '0' };
  if (scalar.name === 'Boolean') return { kind: 'boolean', value: true };
  return { kind: 'string', value: '' };
}

/** A free variable name based on `base` (an argument or input field name). */
export function freeVariableName(tree: QueryTree, base: string): string {
  const taken = new Set(mainOperation(tree)?.variables.map((v) => v.name) ?? []);
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
}

// ---------------------------------------------------------------------------------------------
// Paging: the builder pages through the first root field when it is a Relay connection.

export interface ConnectionRoot {
  /** Response key of the root field. */
  key: string;
  /** Whether the root field takes first/after and last/before. */
  forward: boolean;
  backward: boolean;
}

export function connectionRoot(schema: GraphQLSchema, tree: QueryTree): ConnectionRoot | null {
  const op = mainOperation(tree);
  const root = op?.selections.find((s): s is FieldSelection => s.kind === 'field');
  if (!op || op.operation !== 'query' || !root) return null;
  const def = schema.getQueryType()?.getFields()[root.name];
  const type = def ? getNamedType(def.type) : null;
  if (!def || !type || !isObjectType(type) || !type.getFields().pageInfo) return null;
  const args = new Set(def.args.map((a) => a.name));
  return { key: responseKey(root), forward: args.has('first') && args.has('after'), backward: args.has('last') && args.has('before') };
}

/** Page size of the root field: its `first` literal or variable value; null when not set. */
export function pageSizeOf(tree: QueryTree, variables: Record<string, unknown>): number | null {
  const root = mainOperation(tree)?.selections.find((s): s is FieldSelection => s.kind === 'field');
  const first = root?.args.find((a) => a.name === 'first');
  if (!first) return null;
  const n = valueToJs(first.value, variables);
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

export interface PageRequest {
  after?: string | null;
  before?: string | null;
  size?: number | null;
}

/**
 * The document to run for one page: the root's cursor arguments replaced by the page's and
 * `pageInfo` selected, whatever the user wrote, so paging works on any connection query.
 */
export function pagedTree(tree: QueryTree, page: PageRequest, variables: Record<string, unknown>): QueryTree {
  const paged = withOperation(tree, (op) => {
    const root = op.selections.find((s): s is FieldSelection => s.kind === 'field');
    if (!root) return;
    const size = page.size ?? pageSizeOf(tree, variables) ?? 50;
    root.args = root.args.filter((a) => !['first', 'last', 'after', 'before'].includes(a.name));
    if (page.before) {
      root.args.push({ name: 'last', value: { kind: 'int', value: String(size) } }, { name: 'before', value: { kind: 'string', value: page.before } });
    } else {
      root.args.push({ name: 'first', value: { kind: 'int', value: String(size) } });
      if (page.after) root.args.push({ name: 'after', value: { kind: 'string', value: page.after } });
    }
    root.selections ??= [];
    const info = root.selections.find((s): s is FieldSelection => s.kind === 'field' && s.name === 'pageInfo' && !s.alias);
    if (!info) root.selections.push(pageInfoSelection());
    else {
      info.selections ??= [];
      for (const n of ['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor']) {
        if (!info.selections.some((s) => s.kind === 'field' && s.name === n && !s.alias)) info.selections.push({ kind: 'field', name: n, args: [], directives: [], selections: null });
      }
    }
  });
  // Variables only the replaced arguments used would now be unused, which the server rejects.
  return pruneVariables(paged);
}

/** Variable values restricted to the variables the document still declares. */
export function usedVariables(tree: QueryTree, variables: Record<string, unknown>): Record<string, unknown> {
  const declared = new Set(mainOperation(tree)?.variables.map((v) => v.name) ?? []);
  return Object.fromEntries(Object.entries(variables).filter(([k]) => declared.has(k)));
}

/** Whether a named type has fields to select into. */
export const isComposite = (type: GraphQLNamedType | null): type is GraphQLObjectType | GraphQLInterfaceType =>
  !!type && (isObjectType(type) || isInterfaceType(type));
