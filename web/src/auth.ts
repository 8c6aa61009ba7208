// Signing in: development tokens from the API's "sign in as" endpoint, or
// the OpenID Connect issuer the API trusts (Authorization Code with PKCE,
// through oidc-client-ts). The token is kept for the browser tab only.
import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { apiOrigin, type Settings } from './config';

const tokenKey = 'recert.token';

/** Session is who is signed in. */
export interface Session {
  token: string;
  via: 'dev' | 'oidc';
}

/** currentSession is the tab's session, if any. */
export function currentSession(): Session | null {
  const raw = sessionStorage.getItem(tokenKey);
  return raw ? (JSON.parse(raw) as Session) : null;
}

function keep(session: Session | null) {
  if (session) sessionStorage.setItem(tokenKey, JSON.stringify(session));
  else sessionStorage.removeItem(tokenKey);
}

/** devSignIn asks the API for a development token and keeps it. */
export async function devSignIn(role: 'STAFF' | 'CANDIDATE', subject: string): Promise<Session> {
  const res = await fetch(`${apiOrigin}/dev/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ role, subject }),
  });
  const body = await res.json().catch(() => null);
  if (!res.ok || !body?.token) {
    throw new Error(body?.errors?.[0]?.message ?? `The API refused to sign you in (HTTP ${res.status}).`);
  }
  const session: Session = { token: body.token, via: 'dev' };
  keep(session);
  return session;
}

/** userManager is the OpenID Connect client, when the API names an issuer and a client. */
export function userManager(settings: Settings): UserManager | null {
  if (!settings.oidcIssuer || !settings.oidcClientId) return null;
  return new UserManager({
    authority: settings.oidcIssuer,
    client_id: settings.oidcClientId,
    redirect_uri: `${location.origin}${location.pathname}`,
    post_logout_redirect_uri: `${location.origin}${location.pathname}`,
    response_type: 'code',
    scope: settings.oidcScope || 'openid profile email',
    userStore: new WebStorageStateStore({ store: sessionStorage }),
  });
}

/**
 * oidcSignIn sends the browser to the issuer's sign-in page; it comes back
 * to the page it left, or to the catalog when it left the sign-in page.
 */
export async function oidcSignIn(manager: UserManager): Promise<void> {
  const back = location.hash.startsWith('#/signin') ? '#/' : location.hash || '#/';
  await manager.signinRedirect({ state: back });
}

/**
 * finishOidcSignIn completes a sign-in when the issuer sent the browser
 * back with a code, and returns the session (the ID token, which the API
 * verifies against the issuer's keys) and the hash to return to.
 */
export async function finishOidcSignIn(manager: UserManager): Promise<{ session: Session; hash: string } | null> {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') || !params.has('state')) return null;
  const user = await manager.signinRedirectCallback();
  history.replaceState(null, '', `${location.pathname}${(user.state as string) || '#/'}`);
  const session: Session = { token: user.id_token ?? user.access_token, via: 'oidc' };
  keep(session);
  return { session, hash: (user.state as string) || '#/' };
}

/** signOut forgets the session. */
export function signOut() {
  keep(null);
}
