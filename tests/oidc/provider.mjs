// A real OpenID Connect provider for the app's single sign-on tests: the certified `oidc-provider`
// package (no mock), on 127.0.0.1 at a free port, with test accounts and one confidential client.
//
//   node tests/oidc/provider.mjs --client-id ID --client-secret SECRET --redirect-uri URI
//        [--clock-offset-seconds N] [--publish-other-key] [--id-token-ttl-seconds N] [--lifetime-seconds N]
//
// Prints {"issuer": "http://127.0.0.1:<port>"} as the first line of stdout once it listens.
// Exits when stdin closes, on SIGTERM/SIGINT, or after --lifetime-seconds (default 600).
//
// Sign-in, as a non-browser client walks it: the authorization request redirects to
// /interaction/<uid>, whose GET shows a one-field form; POST login=<account e-mail> there signs that
// account in and grants the requested scopes (login and consent in one step), then the provider
// redirects back to the client with a code. An unknown account gets 400 and the form again.
//
// Test knobs that make the provider misbehave the way real misconfigurations do:
//   --clock-offset-seconds -600   the provider's clock runs 10 minutes slow: its id_tokens are
//                                 already expired when issued (iat/exp in the past)
//   --publish-other-key           tokens are signed with one RSA key but /jwks publishes another
//                                 under the same kid: every signature fails to verify (a forgery)
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

import Provider from 'oidc-provider';

const { values: options } = parseArgs({
  options: {
    'client-id': { type: 'string', default: process.env.OIDC_CLIENT_ID ?? 'student-records' },
    'client-secret': { type: 'string', default: process.env.OIDC_CLIENT_SECRET },
    'redirect-uri': { type: 'string', multiple: true, default: process.env.OIDC_REDIRECT_URI ? [process.env.OIDC_REDIRECT_URI] : [] },
    'clock-offset-seconds': { type: 'string', default: '0' },
    'id-token-ttl-seconds': { type: 'string', default: '3600' },
    'publish-other-key': { type: 'boolean', default: false },
    'lifetime-seconds': { type: 'string', default: '600' },
  },
});
if (!options['client-secret'] || options['redirect-uri'].length === 0) {
  process.stderr.write('provider.mjs: --client-secret and --redirect-uri are required\n');
  process.exit(2);
}

// Bounded lifetime: the parent's end of stdin closing (the test process gone), a signal, or a timer.
const stop = (code = 0) => process.exit(code);
process.stdin.on('end', () => stop(0)).on('close', () => stop(0)).resume();
process.on('SIGTERM', () => stop(0));
process.on('SIGINT', () => stop(0));
setTimeout(() => stop(0), Number(options['lifetime-seconds']) * 1000);

const clockOffsetMs = Number(options['clock-offset-seconds']) * 1000;
if (clockOffsetMs !== 0) {
  const realNow = Date.now.bind(Date);
  Date.now = () => realNow() + clockOffsetMs; // oidc-provider's iat/exp and expiry checks read Date.now
}

const accounts = new Map([
  ['registrar@uni.example', { name: 'Rita Registrar', groups: ['registry-staff', 'all-staff'] }],
  ['admin@uni.example', { name: 'Ada Admin', groups: ['records-admins', 'all-staff'] }],
  ['viewer@uni.example', { name: 'Vic Viewer', groups: ['records-readers'] }],
  ['nobody@uni.example', { name: 'No Body', groups: [] }],
]);

const signingJwk = () => ({
  ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
  kid: 'signing-key', use: 'sig', alg: 'RS256',
});
const signing = signingJwk();
const published = options['publish-other-key']
  ? (({ kty, n, e, kid, use, alg }) => ({ kty, n, e, kid, use, alg }))(signingJwk())
  : null;

const server = createServer();
await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: options['client-id'],
    client_secret: options['client-secret'],
    redirect_uris: options['redirect-uri'],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post', // as ASP.NET Core's handler sends it
  }],
  jwks: { keys: [signing] },
  cookies: { keys: [randomBytes(32).toString('base64url')] },
  pkce: { required: () => true },
  // Scope claims go to userinfo (conformIdTokenClaims): the id_token carries sub, the app reads the rest from /me.
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'groups'],
  },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  ttl: { IdToken: Number(options['id-token-ttl-seconds']) },
  async findAccount(_ctx, id) {
    const account = accounts.get(id);
    if (!account) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: id, email_verified: true, name: account.name, groups: account.groups };
      },
    };
  },
});

const page = (uid, error = '') => `<!doctype html><title>Sign in</title>${error && `<p role="alert">${error}</p>`}
<form method="post" action="/interaction/${uid}"><input name="login" placeholder="e-mail"><button>Sign in</button></form>`;

const readForm = (req) => new Promise((resolve, reject) => {
  let body = '';
  req.setEncoding('utf8').on('data', (chunk) => { body += chunk; }).on('end', () => resolve(new URLSearchParams(body))).on('error', reject);
});

provider.use(async (ctx, next) => {
  const match = /^\/interaction\/([^/]+)$/.exec(ctx.path);
  if (!match) {
    await next();
    if (published && ctx.path === '/jwks' && ctx.status === 200) ctx.body = { keys: [published] };
    return;
  }
  ctx.set('cache-control', 'no-store');
  const details = await provider.interactionDetails(ctx.req, ctx.res); // throws (400) for an unknown or expired interaction
  if (details.uid !== match[1]) ctx.throw(400, 'interaction mismatch');
  if (ctx.method === 'GET') {
    ctx.type = 'html';
    ctx.body = page(details.uid);
    return;
  }
  if (ctx.method !== 'POST') ctx.throw(405);
  const login = (await readForm(ctx.req)).get('login') ?? '';
  if (!accounts.has(login)) {
    ctx.status = 400;
    ctx.type = 'html';
    ctx.body = page(details.uid, 'unknown account');
    return;
  }
  // Sign in and consent at once: grant the scopes (and any claims) the client asked for.
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: login, clientId: details.params.client_id });
  grant.addOIDCScope(String(details.params.scope ?? 'openid'));
  if (details.prompt.details?.missingOIDCClaims) grant.addOIDCClaims(details.prompt.details.missingOIDCClaims);
  const grantId = await grant.save();
  ctx.respond = false; // interactionFinished writes the redirect to the raw response
  await provider.interactionFinished(ctx.req, ctx.res, { login: { accountId: login }, consent: { grantId } }, { mergeWithLastSubmission: false });
});

// One stderr line per failure a test may want to read, and per pushed authorization request (its parameters).
provider.on('pushed_authorization_request.success', (ctx) => {
  const { client_id, response_type, response_mode, scope, redirect_uri, code_challenge_method, state, nonce } = ctx.oidc.params;
  process.stderr.write(`provider pushed_authorization_request: ${JSON.stringify({
    client_id, response_type, response_mode: response_mode ?? null, scope, redirect_uri, code_challenge_method, state: !!state, nonce: !!nonce,
  })}\n`);
});
for (const event of ['server_error', 'pushed_authorization_request.error', 'authorization.error', 'grant.error', 'userinfo.error', 'jwks.error', 'discovery.error']) {
  provider.on(event, (...args) => {
    const error = args.find((arg) => arg instanceof Error);
    process.stderr.write(`provider ${event}: ${error?.name ?? ''} ${error?.message ?? ''} ${error?.error_description ?? ''}\n`);
  });
}

server.on('request', provider.callback());
process.stdout.write(`${JSON.stringify({ issuer })}\n`);
