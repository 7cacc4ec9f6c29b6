// A browser as far as the app can tell: a cookie jar, forms fetched for their antiforgery token and posted
// back, redirects not followed (a 302 after a post is the app's acknowledgement). Aimed at a base URL that
// can change (the drill's front door), so the cookies production issued go with every request to DR.
const TOKEN = /name="__RequestVerificationToken" type="hidden" value="([^"]+)"/;

export class Browser {
  constructor(baseUrl, { timeoutMs = 10000 } = {}) {
    this.baseUrl = baseUrl;
    this.timeoutMs = timeoutMs;
    this.cookies = new Map();
  }

  /** A second browser holding the same cookies (the same session). */
  clone() {
    const copy = new Browser(this.baseUrl, { timeoutMs: this.timeoutMs });
    copy.cookies = new Map(this.cookies);
    return copy;
  }

  async request(path, { method = 'GET', form } = {}) {
    const headers = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body;
    if (form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(form).toString();
    }
    const response = await fetch(new URL(path, this.baseUrl), { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs) });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    return { status: response.status, location: response.headers.get('location'), origin: response.headers.get('x-drill-origin'), text };
  }

  /** GETs a form page and posts `fields` with its antiforgery token; returns the post's answer and the page. */
  async submit(formPath, fields, postPath = formPath) {
    const page = await this.request(formPath);
    if (page.status !== 200) return { status: page.status, page, location: null, text: page.text, stage: 'form' };
    const token = page.text.match(TOKEN)?.[1];
    if (!token) throw new Error(`no antiforgery token on ${formPath}`);
    const started = performance.now();
    const answer = await this.request(postPath, { method: 'POST', form: { ...fields, __RequestVerificationToken: token } });
    return { ...answer, page, postMs: performance.now() - started, stage: 'post' };
  }

  async signIn(email, password) {
    const answer = await this.submit('/Account/SignIn', { 'Input.Email': email, 'Input.Password': password });
    if (answer.status !== 302 || !this.cookies.has('srp-session')) throw new Error(`sign-in of ${email} failed: ${answer.status} ${answer.location ?? ''}`);
  }

  /** A signed-in page: /Students answers 200 with the list (not the sign-in page, not the 503 page). */
  async signedInPage() {
    const page = await this.request('/Students');
    return page.status === 200 && page.text.includes('Sign out') && !page.text.includes('name="Input.Password"');
  }
}
