import { ref, watch, type Ref } from 'vue';
import { useDebounced } from './use-debounced';

/**
 * A search box bound to the URL: typing updates the route once per pause (trimmed), and
 * navigating (back, a shared link) puts the route's value back into the box.
 */
export function useRouteSearch(current: () => string, apply: (search: string) => void, ms = 300): Ref<string> {
  const search = ref(current());
  watch(useDebounced(search, ms), (value) => {
    if (value.trim() !== current()) apply(value.trim());
  });
  watch(current, (value) => {
    if (value !== search.value.trim()) search.value = value;
  });
  return search;
}
