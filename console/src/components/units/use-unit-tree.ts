import { computed, onScopeDispose, ref, shallowReactive, type Ref } from 'vue';
import { useClientHandle, type AnyVariables, type CombinedError, type OperationResult, type OperationResultSource } from '@urql/vue';
import type { TreeOption } from 'naive-ui';
import { UnitChildrenDocument, UnitRootsDocument, type UnitType } from '../../graphql/generated/graphql';

export interface UnitTreeItem {
  id: string;
  code: string;
  name: string;
  type: UnitType;
  childCount: number;
}

export interface UnitTreeOption extends TreeOption {
  key: string;
  label: string;
  unit: UnitTreeItem;
}

interface Loaded {
  items: UnitTreeItem[] | null;
  error: CombinedError | null;
  unsubscribe: () => void;
}

type Row = { id: string; code: string; name: string; type: UnitType; children: { id: string }[] };
const toItem = (u: Row): UnitTreeItem => ({ id: u.id, code: u.code, name: u.name, type: u.type, childCount: u.children.length });

/**
 * The unit tree, loaded level by level. Each loaded level stays subscribed to
 * its query, so when a mutation invalidates a unit's `children` in the cache
 * the level refetches and the tree follows without being told.
 */
export function useUnitTree() {
  const { client } = useClientHandle();
  const roots: Ref<Loaded | null> = ref(null);
  const levels = shallowReactive(new Map<string, Loaded>());

  /** Subscribes to one level; resolves when its first result (data or error) is stored. */
  function watchLevel<TData>(
    source: OperationResultSource<OperationResult<TData, AnyVariables>>,
    pick: (data: TData) => UnitTreeItem[],
    store: (loaded: Loaded) => void,
  ): Promise<void> {
    return new Promise((resolve) => {
      const subscription = source.subscribe((result) => {
        store({
          items: result.data ? pick(result.data) : null,
          error: result.error ?? null,
          unsubscribe: () => subscription.unsubscribe(),
        });
        resolve();
      });
    });
  }

  function loadRoots(): Promise<void> {
    roots.value?.unsubscribe();
    roots.value = null;
    return watchLevel(client.query(UnitRootsDocument, {}), (data) => data.units.nodes.map(toItem), (loaded) => {
      roots.value = loaded;
    });
  }

  function loadChildren(id: string): Promise<void> {
    levels.get(id)?.unsubscribe();
    return watchLevel(client.query(UnitChildrenDocument, { id }), (data) => (data.node && 'children' in data.node ? data.node.children.map(toItem) : []), (loaded) => {
      levels.set(id, loaded);
    });
  }

  /** Reloads every level shown, from the server. */
  async function reload(): Promise<void> {
    const ids = [...levels.keys()];
    for (const level of levels.values()) level.unsubscribe();
    levels.clear();
    await Promise.all([loadRoots(), ...ids.map(loadChildren)]);
  }

  function toOption(item: UnitTreeItem): UnitTreeOption {
    const level = levels.get(item.id);
    return {
      // Codes are unique and are what the URL and the page select by.
      key: item.code,
      label: item.name,
      unit: item,
      isLeaf: item.childCount === 0,
      // Undefined children make NTree call `onLoad` when the node is expanded.
      children: level ? (level.items ?? []).map(toOption) : undefined,
    };
  }

  const options = computed<UnitTreeOption[]>(() => roots.value?.items?.map(toOption) ?? []);
  const loadedCount = computed(() => [...levels.values()].reduce((n, l) => n + (l.items?.length ?? 0), roots.value?.items?.length ?? 0));

  onScopeDispose(() => {
    roots.value?.unsubscribe();
    for (const level of levels.values()) level.unsubscribe();
  });

  void loadRoots();

  return {
    options,
    loadedCount,
    loading: computed(() => roots.value === null),
    error: computed(() => roots.value?.error ?? null),
    /** The first failure to load a unit's children; the roots may still be fine. */
    levelError: computed(() => [...levels.values()].find((l) => l.error)?.error ?? null),
    loadChildren,
    reload,
  };
}
