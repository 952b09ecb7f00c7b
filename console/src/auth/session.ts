import { inject, shallowRef, type InjectionKey, type ShallowRef } from 'vue';
import type { Client } from '@urql/vue';
import type { Router } from 'vue-router';
import { MeDocument, type ViewerFieldsFragment } from '../graphql/generated/graphql';

export type Viewer = ViewerFieldsFragment;

export interface Session {
  viewer: ShallowRef<Viewer | null>;
  /** Asks the server once who the cookie belongs to; later calls answer from memory. */
  ensure(): Promise<Viewer | null>;
  /** After a successful sign-in. */
  signedIn(viewer: Viewer): void;
  /** Forgets the viewer, so the next navigation asks the server again. */
  forget(): void;
}

export const sessionKey: InjectionKey<Session> = Symbol('sikap.session');

export function createSession(client: Client): Session {
  const viewer = shallowRef<Viewer | null>(null);
  let pending: Promise<Viewer | null> | null = null;
  return {
    viewer,
    ensure() {
      if (viewer.value?.signedIn) return Promise.resolve(viewer.value);
      pending ??= client
        .query(MeDocument, {}, { requestPolicy: 'network-only' })
        .toPromise()
        .then((result) => {
          viewer.value = result.data?.me ?? null;
          return viewer.value;
        })
        .finally(() => {
          pending = null;
        });
      return pending;
    },
    signedIn(v) {
      viewer.value = v;
    },
    forget() {
      viewer.value = null;
    },
  };
}

export function useSession(): Session | null {
  return inject(sessionKey, null);
}

/** Every page but the public ones (sign-in) needs a signed-in viewer; others go to sign-in and come back. */
export function installAuthGuard(router: Router, session: Session): void {
  router.beforeEach(async (to) => {
    if (to.meta.public) return true;
    const viewer = await session.ensure();
    if (viewer?.signedIn) return true;
    return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
  });
}

/** Only same-site paths are followed after sign-in, never an address elsewhere. */
export function safeRedirect(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}
