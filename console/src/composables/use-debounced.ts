import { onScopeDispose, ref, watch, type Ref } from 'vue';

/** A copy of `source` that follows it only after it has been still for `ms`: one query per pause in typing. */
export function useDebounced<T>(source: Ref<T>, ms = 300): Ref<T> {
  const debounced = ref(source.value) as Ref<T>;
  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(source, (value) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      debounced.value = value;
    }, ms);
  });
  onScopeDispose(() => clearTimeout(timer));
  return debounced;
}
