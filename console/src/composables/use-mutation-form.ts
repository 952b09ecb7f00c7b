import { computed, reactive, ref, shallowRef, watch, type UnwrapRef } from 'vue';
import { useMutation, type AnyVariables, type CombinedError, type TypedDocumentNode } from '@urql/vue';

/** The `UserError` every mutation payload of the API returns. */
export interface UserError {
  field: string | null;
  code: string;
  message: string;
}

export interface MutationPayload {
  userErrors: UserError[];
}

export interface UseMutationFormOptions<TData, TVars extends AnyVariables, TValues extends object, TPayload extends MutationPayload> {
  mutation: TypedDocumentNode<TData, TVars>;
  /** Starting values of the form; also what `reset()` returns to. */
  initialValues: () => TValues;
  toVariables: (values: UnwrapRef<TValues>) => TVars;
  /** Picks the payload (`{ …, userErrors }`) out of the mutation result. */
  payload: (data: TData) => TPayload;
  /**
   * Maps a server field path to a form field. The default strips the `input.` prefix the API
   * uses ("input.code" → "code"); a path that names no form field becomes a form-level error.
   */
  fieldOf?: (path: string) => string | null;
}

export type SubmitResult<TPayload> =
  | { ok: true; payload: TPayload }
  | { ok: false; payload: TPayload | null; error: CombinedError | null };

export const stripInputPrefix = (path: string): string | null => {
  const field = path.replace(/^input\./, '');
  return field.length > 0 ? field : null;
};

/**
 * Form state around one mutation: the values, submitting, and the server's
 * `userErrors` placed next to the field they concern. The server is the single
 * source of truth for validation; an error clears as soon as its field changes.
 */
export function useMutationForm<TData, TVars extends AnyVariables, TValues extends object, TPayload extends MutationPayload>(
  options: UseMutationFormOptions<TData, TVars, TValues, TPayload>,
) {
  const mutation = useMutation<TData, TVars>(options.mutation);
  const values = reactive(options.initialValues());
  const fieldErrors = ref<Record<string, UserError>>({});
  const formErrors = ref<UserError[]>([]);
  const error = shallowRef<CombinedError | null>(null);
  const fieldOf = options.fieldOf ?? stripInputPrefix;
  const fieldNames = new Set(Object.keys(options.initialValues()));

  // Remembers what was sent, so editing a field clears only that field's error.
  let submitted: Record<string, unknown> = {};
  watch(
    () => ({ ...values }) as Record<string, unknown>,
    (now) => {
      for (const name of Object.keys(fieldErrors.value)) {
        if (now[name] !== submitted[name]) {
          const { [name]: _cleared, ...rest } = fieldErrors.value;
          fieldErrors.value = rest;
        }
      }
    },
  );

  function placeErrors(userErrors: UserError[]): void {
    const byField: Record<string, UserError> = {};
    const general: UserError[] = [];
    for (const e of userErrors) {
      const field = e.field === null ? null : fieldOf(e.field);
      if (field !== null && fieldNames.has(field)) byField[field] ??= e;
      else general.push(e);
    }
    fieldErrors.value = byField;
    formErrors.value = general;
  }

  async function submit(): Promise<SubmitResult<TPayload>> {
    submitted = { ...(values as Record<string, unknown>) };
    error.value = null;
    const result = await mutation.executeMutation(options.toVariables(values as UnwrapRef<TValues>));
    if (result.error || !result.data) {
      error.value = result.error ?? null;
      placeErrors([]);
      return { ok: false, payload: null, error: error.value };
    }
    const payload = options.payload(result.data);
    placeErrors(payload.userErrors);
    return payload.userErrors.length === 0 ? { ok: true, payload } : { ok: false, payload, error: null };
  }

  function reset(next: Partial<TValues> = {}): void {
    Object.assign(values, options.initialValues(), next);
    fieldErrors.value = {};
    formErrors.value = [];
    error.value = null;
  }

  return {
    values,
    fieldErrors,
    formErrors,
    error,
    submitting: computed(() => mutation.fetching.value),
    hasErrors: computed(() => Object.keys(fieldErrors.value).length > 0 || formErrors.value.length > 0 || error.value !== null),
    submit,
    reset,
  };
}
