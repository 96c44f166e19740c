// Single sign-on with OpenID Connect (authorization code flow with PKCE) for municipalities on
// Microsoft Entra ID, AD FS or any other certified provider. The protocol work — discovery, PKCE,
// state and nonce checks, the token exchange and the ID token's signature, issuer, audience, expiry
// and nonce — is done by `openid-client`, a spec-complete, maintained and certified relying-party
// library: hand-written token validation is where single sign-on usually goes wrong. This file only
// keeps the per-attempt secrets on the server and turns the provider's verdict into a login name.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as client from 'openid-client';
import { z } from 'zod';
import { parseCookies, type OidcRoutes } from '../http/server';

/** Holds the id of the attempt in progress; the attempt's secrets stay in server memory. */
export const OIDC_COOKIE = 'flowtavle_oidc';
/** Long enough to type a password and answer MFA, short enough that a stale attempt is useless. */
const ATTEMPT_MINUTES = 10;
/** A flood of /auth/oidc/start calls must not grow the map without bound. */
const MAX_ATTEMPTS = 10_000;

export const DEFAULT_OIDC_LABEL = 'Log ind med single sign-on';
export const DEFAULT_OIDC_SCOPES = ['openid', 'profile', 'email'];

const httpUrl = (what: string) =>
  z
    .string({ error: `${what} mangler eller er ikke tekst.` })
    .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), `${what} skal være en http(s)-adresse.`);

export const oidcConfigSchema = z
  .object({
    issuer: httpUrl('"issuer" (udbyderens adresse, fx https://login.microsoftonline.com/<tenant-id>/v2.0)'),
    clientId: z.string({ error: '"clientId" mangler eller er ikke tekst.' }).min(1, '"clientId" må ikke være tom.'),
    clientSecret: z.string({ error: '"clientSecret" skal være tekst.' }).min(1, '"clientSecret" må ikke være tom; udelad feltet for en offentlig klient.').optional(),
    redirectUri: httpUrl('"redirectUri" (fx https://flowtavle.kommune.dk/auth/oidc/callback)').refine(
      (value) => !URL.canParse(value) || new URL(value).pathname === '/auth/oidc/callback',
      '"redirectUri" skal ende på /auth/oidc/callback.',
    ),
    loginClaim: z.string({ error: '"loginClaim" skal være tekst.' }).min(1, '"loginClaim" må ikke være tom.').default('preferred_username'),
    label: z.string({ error: '"label" skal være tekst.' }).trim().min(1, '"label" må ikke være tom.').max(60, '"label" må højst være 60 tegn.').default(DEFAULT_OIDC_LABEL),
    scopes: z
      .array(z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]+$/, 'hvert scope skal være ét ord uden mellemrum'), { error: '"scopes" skal være en liste af tekster.' })
      .refine((scopes) => scopes.includes('openid'), '"scopes" skal indeholde "openid".')
      .default(DEFAULT_OIDC_SCOPES),
  })
  .strict();

export type OidcConfig = z.infer<typeof oidcConfigSchema>;

/** A configuration or provider problem an administrator must fix; the message is Danish and says what to do. */
export class OidcSetupError extends Error {}

const isLoopback = (url: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

export function parseOidcConfig(raw: unknown, file: string): OidcConfig {
  const parsed = oidcConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) =>
      issue.code === 'unrecognized_keys'
        ? `ukendt felt ${issue.keys.map((key) => `"${key}"`).join(', ')} (tilladt: issuer, clientId, clientSecret, redirectUri, loginClaim, label, scopes)`
        : issue.message,
    );
    throw new OidcSetupError(`OpenID Connect-opsætningen i ${file} er ikke gyldig:\n  - ${problems.join('\n  - ')}`);
  }
  const config = parsed.data;
  // Codes, tokens and the client secret must never cross a network in clear text; plain http is
  // only accepted on this machine's loopback address (a provider started for a test or a trial).
  for (const [field, value] of [['issuer', config.issuer], ['redirectUri', config.redirectUri]] as const) {
    const url = new URL(value);
    if (url.protocol === 'http:' && !isLoopback(url)) {
      throw new OidcSetupError(`OpenID Connect-opsætningen i ${file} er ikke gyldig:\n  - "${field}" skal bruge https (http er kun tilladt på 127.0.0.1).`);
    }
  }
  return config;
}

export function readOidcConfig(file: string): OidcConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new OidcSetupError(
      code === 'ENOENT' ? `OpenID Connect-opsætningen ${file} findes ikke.` : `OpenID Connect-opsætningen ${file} kan ikke læses: ${(error as Error).message}`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new OidcSetupError(`OpenID Connect-opsætningen ${file} er ikke gyldig JSON: ${(error as Error).message}`);
  }
  return parseOidcConfig(raw, file);
}

/** Why a request to the provider failed, in words an administrator can act on. */
function reachProblem(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === 'ECONNREFUSED') return 'forbindelsen blev afvist (kører udbyderen, og er adressen rigtig?)';
  if (cause?.code === 'ENOTFOUND' || cause?.code === 'EAI_AGAIN') return 'navnet kan ikke slås op i DNS';
  if (cause?.code === 'ETIMEDOUT' || (error as Error).name === 'TimeoutError') return 'udbyderen svarede ikke i tide';
  if (cause?.code?.startsWith('CERT_') || cause?.code?.includes('SELF_SIGNED') || cause?.code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE') {
    return `udbyderens certifikat kan ikke godkendes (${cause.code})`;
  }
  return cause?.message ?? (error as Error).message;
}

interface Attempt {
  codeVerifier: string;
  state: string;
  nonce: string;
  expiresAt: number;
}

export interface OidcOptions {
  /** Seconds to wait for the provider at discovery and at the token exchange. */
  timeoutSeconds?: number;
  now?: () => number;
}

/**
 * Discovers the provider (at start, so a wrong issuer or an unreachable provider is found before
 * anyone tries to sign in) and returns the two routes the HTTP host mounts under /auth/oidc/.
 */
export async function createOidcRoutes(config: OidcConfig, options: OidcOptions = {}): Promise<OidcRoutes> {
  const now = options.now ?? Date.now;
  const issuer = new URL(config.issuer);
  const redirectUri = new URL(config.redirectUri);
  let provider: client.Configuration;
  try {
    provider = await client.discovery(
      issuer,
      config.clientId,
      { redirect_uris: [config.redirectUri], ...(config.clientSecret ? { client_secret: config.clientSecret } : {}) },
      // A confidential client (Entra ID "Web" platform) authenticates with its secret; without one it
      // is a public client, and PKCE alone binds the code to this host.
      config.clientSecret ? client.ClientSecretPost(config.clientSecret) : client.None(),
      { timeout: options.timeoutSeconds ?? 10, execute: issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [] },
    );
  } catch (error) {
    const discoveryUrl = `${config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    if (error instanceof client.ClientError && error.code === 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED') {
      throw new OidcSetupError(
        `Udbyderen på ${config.issuer} oplyser en anden issuer i ${discoveryUrl}; "issuer" skal være præcis den, udbyderen oplyser.`,
      );
    }
    if (error instanceof client.ClientError && (error.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || error.code === 'OAUTH_RESPONSE_IS_NOT_JSON')) {
      const status = (error.cause as { status?: number } | undefined)?.status;
      throw new OidcSetupError(`${discoveryUrl} er ikke et OpenID Connect discovery-dokument${status ? ` (HTTP ${status})` : ''}; tjek "issuer".`);
    }
    throw new OidcSetupError(`OpenID Connect-udbyderen på ${config.issuer} kan ikke nås: ${reachProblem(error)}.`);
  }

  const attempts = new Map<string, Attempt>();
  const forget = () => {
    const current = now();
    for (const [id, attempt] of attempts) if (attempt.expiresAt <= current) attempts.delete(id);
    // Maps keep insertion order, so the first entries are the oldest attempts.
    for (const id of attempts.keys()) {
      if (attempts.size < MAX_ATTEMPTS) break;
      attempts.delete(id);
    }
  };
  // SameSite=Lax, not Strict like the session cookie: the provider sends the browser back to
  // /auth/oidc/callback from its own site, and a Strict cookie is not sent on such a cross-site
  // navigation, so the attempt could never be found. Lax still withholds it from cross-site
  // subresource requests and POSTs; the attempt is bound to this browser by the cookie and to
  // the provider's answer by state, nonce and PKCE.
  const attemptCookie = (id: string) =>
    `${OIDC_COOKIE}=${id}; Path=/auth/oidc/; Max-Age=${ATTEMPT_MINUTES * 60}; HttpOnly; SameSite=Lax${redirectUri.protocol === 'https:' ? '; Secure' : ''}`;
  const refused = (message: string) => ({ ok: false as const, message });
  const tryAgain = `${config.label} mislykkedes`;

  return {
    label: config.label,

    async start(req: IncomingMessage, res: ServerResponse): Promise<void> {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET' }).end();
        return;
      }
      forget();
      const id = randomBytes(32).toString('base64url');
      const attempt: Attempt = {
        codeVerifier: client.randomPKCECodeVerifier(),
        state: client.randomState(),
        nonce: client.randomNonce(),
        expiresAt: now() + ATTEMPT_MINUTES * 60_000,
      };
      attempts.set(id, attempt);
      const target = client.buildAuthorizationUrl(provider, {
        redirect_uri: config.redirectUri,
        scope: config.scopes.join(' '),
        code_challenge: await client.calculatePKCECodeChallenge(attempt.codeVerifier),
        code_challenge_method: 'S256',
        state: attempt.state,
        nonce: attempt.nonce,
      });
      res.writeHead(303, { Location: target.href, 'Set-Cookie': attemptCookie(id), 'Cache-Control': 'no-store' });
      res.end();
    },

    async callback(req: IncomingMessage, url: URL) {
      const id = parseCookies(req.headers.cookie).get(OIDC_COOKIE);
      const attempt = id ? attempts.get(id) : undefined;
      // One answer per attempt: a replayed or second callback finds nothing.
      if (id) attempts.delete(id);
      if (!attempt || attempt.expiresAt <= now()) {
        return refused(`${tryAgain}: log ind-forsøget er udløbet eller blev startet i en anden browser. Prøv igen.`);
      }
      // The host sees its own path only; the library needs the address the provider redirected to,
      // which is the configured redirect URI (it is also sent again at the token exchange).
      const answered = new URL(redirectUri);
      answered.search = url.search;
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(provider, answered, {
          pkceCodeVerifier: attempt.codeVerifier,
          expectedState: attempt.state,
          expectedNonce: attempt.nonce,
          idTokenExpected: true,
        });
      } catch (error) {
        if (error instanceof client.AuthorizationResponseError) {
          const cancelled = error.error === 'access_denied';
          console.warn(`[flowtavle] OIDC: udbyderen afviste log ind: ${error.error} ${error.error_description ?? ''}`);
          return refused(cancelled ? `${tryAgain}: log ind blev afbrudt eller afvist hos udbyderen.` : `${tryAgain}: udbyderen svarede "${error.error}".`);
        }
        if (error instanceof client.ResponseBodyError) {
          console.warn(`[flowtavle] OIDC: token-udvekslingen blev afvist: ${error.error} ${error.error_description ?? ''}`);
          return refused(`${tryAgain}: udbyderen godkendte ikke svaret (${error.error}). Prøv igen.`);
        }
        if (error instanceof client.ClientError) {
          // State, nonce, issuer, audience, signature or expiry did not match: never sign anyone in.
          console.warn(`[flowtavle] OIDC: svaret blev afvist: ${error.message}`);
          return refused(`${tryAgain}: svaret fra udbyderen kunne ikke bekræftes. Prøv igen.`);
        }
        console.error(`[flowtavle] OIDC: udbyderen kan ikke nås: ${reachProblem(error)}`);
        return refused(`${tryAgain}: udbyderen kan ikke nås lige nu. Prøv igen om lidt.`);
      }
      const claims = tokens.claims();
      if (!claims) return refused(`${tryAgain}: udbyderen sendte ikke et ID-token.`);
      let value = claims[config.loginClaim];
      // AD FS and some Entra ID set-ups give the name only from the userinfo endpoint; the library
      // checks that its subject is the ID token's.
      if (value === undefined && provider.serverMetadata().userinfo_endpoint) {
        try {
          value = (await client.fetchUserInfo(provider, tokens.access_token, claims.sub))[config.loginClaim];
        } catch (error) {
          console.warn(`[flowtavle] OIDC: userinfo kunne ikke hentes: ${(error as Error).message}`);
        }
      }
      if (typeof value !== 'string' || value.trim() === '') {
        console.warn(`[flowtavle] OIDC: ID-tokenet for ${claims.sub} har ikke kravet "${config.loginClaim}"`);
        return refused(`${tryAgain}: udbyderen oplyste ikke "${config.loginClaim}", som Flowtavle bruger som login. Kontakt en administrator.`);
      }
      return { ok: true as const, login: value.trim() };
    },
  };
}
