import { computed } from 'vue';
import { useRoute, useRouter, type LocationQuery, type LocationQueryRaw } from 'vue-router';

/**
 * A page's view state kept in the URL query, so a link or a reload shows the same view.
 * Several parts can patch the view before the router has applied the previous patch
 * (a search box and the pager reset, for instance); patches build on the pending state.
 */
export function useRouteView<S extends object>(parse: (query: LocationQuery) => S, serialize: (state: S) => LocationQueryRaw) {
  const route = useRoute();
  const router = useRouter();
  const view = computed(() => parse(route.query));
  let pending: S | null = null;

  function update(patch: Partial<S>): void {
    const next = { ...(pending ?? view.value), ...patch };
    pending = next;
    void router.replace({ query: serialize(next) }).finally(() => {
      if (pending === next) pending = null;
    });
  }

  return { view, update };
}
