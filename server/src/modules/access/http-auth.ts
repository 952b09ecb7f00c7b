import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { HeaderMap } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { HttpBridge } from '../../graphql/context';
import { authenticateToken, unitSubtree } from './access.service';
import { ANONYMOUS, type Viewer } from './viewer';

export const SESSION_COOKIE = 'sikap_session';

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

export interface RequestAuth {
  viewer: Viewer;
  unitScope: number[] | null;
}

/**
 * Who sent the request: `Authorization: Bearer <session token | API key>`
 * (scripts, partner apps) or the httpOnly session cookie (console). A bad
 * bearer token is an error, so scripts notice; a stale cookie just means
 * signed out.
 */
export async function authenticateRequest(em: EntityManager, req: Request): Promise<RequestAuth> {
  const header = req.headers.authorization;
  const bearer = header ? /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] ?? null : null;
  if (header && !bearer) throw unauthenticated('The Authorization header must be "Bearer <token>".');
  const token = bearer ?? cookieValue(req.headers.cookie, SESSION_COOKIE);
  if (!token) return { viewer: ANONYMOUS, unitScope: null };
  const result = await authenticateToken(em, token);
  if (!result.ok) {
    if (bearer) throw unauthenticated(result.reason);
    return { viewer: ANONYMOUS, unitScope: null };
  }
  const viewer = result.viewer;
  return { viewer, unitScope: viewer.unitId === null ? null : await unitSubtree(em, viewer.unitId) };
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer']]) } },
  });
}

export function httpBridge(res: Response, secure: boolean): HttpBridge {
  return {
    setSessionCookie(token, maxAgeMs) {
      // httpOnly: scripts in the page cannot read it; SameSite=Lax plus
      // Apollo's CSRF prevention keep other sites from using it.
      res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: maxAgeMs });
    },
    clearSessionCookie() {
      res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
    },
  };
}
