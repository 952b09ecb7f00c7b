import { computed, ref, shallowRef, type Ref } from 'vue';
import { GraphQLError, parse, validate, type GraphQLSchema } from 'graphql';
import { documentToTree, mainOperation, pruneVariables, treeToDocument, type QueryTree } from './query-model';

export interface VariablesState {
  value: Record<string, unknown>;
  error: string | null;
}

export function parseVariables(text: string): VariablesState {
  if (text.trim() === '') return { value: {}, error: null };
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { value: {}, error: 'not an object' };
    return { value: value as Record<string, unknown>, error: null };
  } catch (e) {
    return { value: {}, error: e instanceof Error ? e.message : String(e) };
  }
}

const errorText = (e: unknown): string => (e instanceof GraphQLError ? `${e.message}${e.locations?.[0] ? ` (${e.locations[0].line}:${e.locations[0].column})` : ''}` : String(e));

/**
 * The two-way state of the builder: the document text and the tree. Builder edits replace the
 * tree and reprint the text; text edits replace the tree when they parse, and otherwise leave the
 * last good tree with the parse error beside it.
 */
export function useQueryDocument(schema: Ref<GraphQLSchema | null>) {
  const text = ref('');
  const variablesText = ref('{}');
  const tree = shallowRef<QueryTree>({ definitions: [] });
  const parseError = ref<string | null>(null);

  function setText(value: string): void {
    text.value = value;
    try {
      tree.value = documentToTree(value);
      parseError.value = null;
    } catch (e) {
      parseError.value = errorText(e);
    }
  }

  function setTree(next: QueryTree): void {
    const pruned = pruneVariables(next);
    tree.value = pruned;
    text.value = treeToDocument(pruned);
    parseError.value = null;
  }

  const variables = computed(() => parseVariables(variablesText.value));

  function setVariables(value: Record<string, unknown>): void {
    variablesText.value = JSON.stringify(value, null, 2);
  }

  /** Drops values of variables the document no longer declares, so the JSON follows unbinding. */
  function patchVariables(patch: Record<string, unknown>, keepOnly?: readonly string[]): void {
    const next = { ...variables.value.value, ...patch };
    const kept = keepOnly ? Object.fromEntries(Object.entries(next).filter(([k]) => keepOnly.includes(k))) : next;
    setVariables(kept);
  }

  const validationErrors = computed<string[]>(() => {
    if (!schema.value || parseError.value !== null || text.value.trim() === '') return [];
    try {
      return validate(schema.value, parse(text.value)).map(errorText);
    } catch (e) {
      return [errorText(e)];
    }
  });

  const operationName = computed(() => mainOperation(tree.value)?.name ?? null);

  const runnable = computed(
    () => text.value.trim() !== '' && parseError.value === null && variables.value.error === null && validationErrors.value.length === 0 && mainOperation(tree.value)?.operation === 'query',
  );

  return { text, variablesText, tree, parseError, variables, validationErrors, operationName, runnable, setText, setTree, setVariables, patchVariables };
}
