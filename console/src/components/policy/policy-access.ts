import { computed, type ComputedRef } from 'vue';
import { useSession } from '../../auth/session';

/**
 * Policy versions and the recommendation run apply to the whole city: the API lets only
 * writers without a unit scope use them (rules.ts, WRITE_SHARED). The console hides what
 * would be refused; the server still decides.
 */
export function useCanWriteShared(): ComputedRef<boolean> {
  const session = useSession();
  return computed(() => {
    const viewer = session?.viewer.value;
    return Boolean(viewer?.signedIn && viewer.permissions.includes('write') && !viewer.unit);
  });
}

/** Setting a recommendation's status is a write inside the viewer's own subtree. */
export function useCanWrite(): ComputedRef<boolean> {
  const session = useSession();
  return computed(() => Boolean(session?.viewer.value?.signedIn && session.viewer.value.permissions.includes('write')));
}
