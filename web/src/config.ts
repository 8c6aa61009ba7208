// Where the API is and how the app signs in.

/**
 * apiOrigin is the origin of the API the app talks to: the one named at
 * build time by VITE_API_ORIGIN, else the page's own (the binary serves
 * both). An API on another origin must list the app's origin in its
 * CORS_ALLOWED_ORIGINS.
 */
export const apiOrigin: string = (import.meta.env.VITE_API_ORIGIN as string | undefined) || location.origin;

/** graphqlURL is the API's GraphQL endpoint. */
export const graphqlURL = `${apiOrigin}/graphql`;

/** Settings is what the API's /app/config.json says about signing in. */
export interface Settings {
  devSignIn: boolean;
  oidcIssuer?: string;
  oidcClientId?: string;
  oidcScope?: string;
}

/** loadSettings reads the sign-in settings; none means anonymous only. */
export async function loadSettings(): Promise<Settings> {
  try {
    const res = await fetch(`${apiOrigin}/app/config.json`);
    if (!res.ok) return { devSignIn: false };
    return (await res.json()) as Settings;
  } catch {
    return { devSignIn: false };
  }
}
