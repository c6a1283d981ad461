// Login with the realm's public client (authorization code flow with PKCE), tokens refreshed before
// each write. Browsing needs no login; the UI only hides actions a person may not take — the API
// decides.
import Keycloak from "keycloak-js";

export interface Session {
  name: string;
  subject: string;
  roles: string[];
  /** The organisation a producer account speaks for (the realm's producer_org attribute). */
  producerOrg: string | null;
}

let keycloak: Keycloak | null = null;
const RETURN_TO = "ledger.returnTo";

/** Sets up login (after a redirect back from Keycloak, completes it); the session, if any. */
export async function startAuth(): Promise<Session | null> {
  const response = await fetch("/api/ui-config");
  if (!response.ok) return null;
  const config = (await response.json()) as { keycloakUrl: string; realm: string; clientId: string };
  keycloak = new Keycloak({ url: config.keycloakUrl, realm: config.realm, clientId: config.clientId });
  // Query response mode: the fragment holds the app's routes.
  const authenticated = await keycloak.init({
    pkceMethod: "S256", responseMode: "query", checkLoginIframe: false, redirectUri: landing(),
  });
  const back = sessionStorage.getItem(RETURN_TO);
  if (back) {
    sessionStorage.removeItem(RETURN_TO);
    if (location.hash !== back) location.hash = back;
  }
  return authenticated ? session() : null;
}

function landing(): string {
  return `${location.origin}/`;
}

export function session(): Session | null {
  const token = keycloak?.tokenParsed as (Record<string, unknown> & { realm_access?: { roles?: string[] } }) | undefined;
  if (!keycloak?.authenticated || !token) return null;
  return {
    name: String(token.preferred_username ?? token.sub ?? ""),
    subject: String(token.sub ?? ""),
    roles: token.realm_access?.roles ?? [],
    producerOrg: typeof token.producer_org === "string" ? token.producer_org : null,
  };
}

export function login(): void {
  sessionStorage.setItem(RETURN_TO, location.hash || "#/");
  void keycloak?.login({ redirectUri: landing() });
}

export function logout(): void {
  void keycloak?.logout({ redirectUri: landing() });
}

/** The current access token, refreshed when it expires within 30 s; null when not logged in. */
export async function accessToken(): Promise<string | null> {
  if (!keycloak?.authenticated) return null;
  try {
    await keycloak.updateToken(30);
  } catch {
    return null;
  }
  return keycloak.token ?? null;
}
