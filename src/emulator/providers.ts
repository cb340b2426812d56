/**
 * Fake social providers on loopback, shaped like the real ones so the kit's social journeys run end
 * to end: WeChat's QR login (qrconnect, with its embedded `login_type=jssdk` form, a real scannable
 * QR code, polling, expiry, and a "phone" confirmation page), DingTalk's and a generic OAuth 2.0
 * authorization page (consent or cancel, then back to the callback with `code` and `state`).
 */
import QRCode from 'qrcode';

import { escapeHtml, type Exchange, redirect, sendJson, sendText } from './http.js';
import { renderPage } from './pages.js';
import { randomBytes, toBase64url } from './random.js';

export interface SocialIdentity {
  target: string;
  userInfo: { id: string; name?: string; email?: string; phone?: string };
}

interface QrSession {
  uuid: string;
  redirectUri: string;
  state: string;
  createdAt: number;
  status: 'waiting' | 'scanned' | 'confirmed' | 'cancelled';
  code?: string;
}

export interface ProviderOptions {
  /** Seconds a WeChat QR code stays valid. */
  wechatQrTtl?: number;
}

function id(length: number): string {
  return toBase64url(randomBytes(length)).slice(0, length);
}

export class FakeProviders {
  readonly #qr = new Map<string, QrSession>();
  readonly #issue: (identity: SocialIdentity) => string;
  readonly #ttlMs: number;

  constructor(issue: (identity: SocialIdentity) => string, options: ProviderOptions = {}) {
    this.#issue = issue;
    this.#ttlMs = (options.wechatQrTtl ?? 300) * 1000;
  }

  reset(): void {
    this.#qr.clear();
  }

  /** The provider URL the emulated connector returns from `authorization-uri`. */
  authorizationUri(origin: string, connector: { id: string; target: string }, redirectUri: string, state: string): string {
    if (connector.target === 'wechat') {
      const query = new URLSearchParams({
        appid: 'wx-emulated-app',
        redirect_uri: redirectUri,
        response_type: 'code',
        scope: 'snsapi_login',
        state,
      });
      return `${origin}/__emulator/wechat/connect/qrconnect?${query.toString()}`;
    }
    if (connector.target === 'dingtalk') {
      const query = new URLSearchParams({
        client_id: 'ding-emulated-app',
        redirect_uri: redirectUri,
        response_type: 'code',
        scope: 'openid',
        state,
        prompt: 'consent',
      });
      return `${origin}/__emulator/dingtalk/oauth2/auth?${query.toString()}`;
    }
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: `emulated-${connector.target}`,
      redirect_uri: redirectUri,
      state,
    });
    return `${origin}/__emulator/oauth/${encodeURIComponent(connector.id)}/authorize?${query.toString()}`;
  }

  /** Handles `/__emulator/{wechat,dingtalk,oauth}/…`; false for anything else. */
  async handle(x: Exchange, route: string, connectorName: (idOrTarget: string) => string): Promise<boolean> {
    if (route === 'wechat/connect/qrconnect' && x.method === 'GET') return this.#qrconnect(x), true;
    if (route === 'wechat/qr.svg' && x.method === 'GET') return await this.#qrImage(x), true;
    if (route === 'wechat/status' && x.method === 'GET') return this.#qrStatus(x), true;
    if (route === 'wechat/scan') return this.#scan(x), true;
    if (route === 'dingtalk/oauth2/auth' && x.method === 'GET') return this.#consent(x, 'dingtalk', connectorName('dingtalk')), true;
    const oauth = /^oauth\/([^/]+)\/authorize$/.exec(route);
    if (oauth && x.method === 'GET') {
      const connectorId = decodeURIComponent(oauth[1] ?? '');
      return this.#consent(x, connectorId, connectorName(connectorId)), true;
    }
    if (/^(oauth\/[^/]+|dingtalk)\/approve$/.test(route) && x.method === 'GET') return this.#approve(x), true;
    return false;
  }

  // ----- WeChat ------------------------------------------------------------------------------

  #qrconnect(x: Exchange): void {
    const query = x.url.searchParams;
    const redirectUri = query.get('redirect_uri') ?? '';
    if (!/^https?:\/\//.test(redirectUri) || !query.get('appid')) {
      return sendText(x.res, 400, renderPage('WeChat', '<p>Invalid request: appid and redirect_uri are required.</p>'), 'text/html');
    }
    const session: QrSession = {
      uuid: id(16),
      redirectUri,
      state: query.get('state') ?? '',
      createdAt: Date.now(),
      status: 'waiting',
    };
    this.#qr.set(session.uuid, session);
    const embedded = query.get('login_type') === 'jssdk';
    const redirectTop = embedded && query.get('self_redirect') !== 'true';
    const scanUrl = `${x.origin}/__emulator/wechat/scan?uuid=${session.uuid}`;
    const body = `
      <div class="qr${embedded ? ' qr--embedded' : ''}">
        ${embedded ? '' : '<h1>WeChat login (emulated)</h1>'}
        <img id="code" src="/__emulator/wechat/qr.svg?uuid=${session.uuid}" width="220" height="220" alt="QR code">
        <p id="status">Scan with WeChat to sign in</p>
        <p><button id="simulate" type="button">Simulate scan</button></p>
        <p class="hint"><a href="${escapeHtml(scanUrl)}" target="_blank" rel="noopener">The link in the code</a></p>
      </div>
      <script>
        const uuid = ${JSON.stringify(session.uuid)};
        const status = document.getElementById('status');
        document.getElementById('simulate').addEventListener('click', () => {
          fetch('/__emulator/wechat/scan', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ uuid, confirm: true }) });
        });
        const poll = setInterval(async () => {
          const answer = await (await fetch('/__emulator/wechat/status?uuid=' + uuid)).json();
          if (answer.status === 'scanned') status.textContent = 'Scanned. Confirm on your phone.';
          if (answer.status === 'expired') { status.textContent = 'The QR code has expired.'; clearInterval(poll); }
          if (answer.status === 'confirmed') {
            clearInterval(poll);
            (${redirectTop ? 'window.top' : 'window'}).location.href = answer.redirect;
          }
        }, 700);
      </script>`;
    const html = renderPage('WeChat login (emulated)', body).replace(
      '</style>',
      '.qr{text-align:center}.qr--embedded{margin:0}.qr--embedded #code{margin-top:8px}.hint{font-size:12px}</style>',
    );
    sendText(x.res, 200, embedded ? html.replace('margin: 10vh auto', 'margin: 0 auto') : html, 'text/html');
  }

  async #qrImage(x: Exchange): Promise<void> {
    const uuid = x.url.searchParams.get('uuid') ?? '';
    if (!this.#qr.has(uuid)) return sendText(x.res, 404, 'Not Found');
    const svg = await QRCode.toString(`${x.origin}/__emulator/wechat/scan?uuid=${uuid}`, {
      type: 'svg',
      margin: 2,
      errorCorrectionLevel: 'M',
    });
    x.res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'no-store' });
    x.res.end(svg);
  }

  #qrStatus(x: Exchange): void {
    const session = this.#qr.get(x.url.searchParams.get('uuid') ?? '');
    if (!session) return sendJson(x.res, 404, { status: 'unknown' });
    if (session.status !== 'confirmed' && Date.now() - session.createdAt > this.#ttlMs) {
      return sendJson(x.res, 200, { status: 'expired' });
    }
    if (session.status !== 'confirmed' || !session.code) return sendJson(x.res, 200, { status: session.status });
    const back = new URL(session.redirectUri);
    back.searchParams.set('code', session.code);
    back.searchParams.set('state', session.state);
    sendJson(x.res, 200, { status: 'confirmed', redirect: back.href });
  }

  /**
   * The phone side: GET shows the confirmation page the WeChat app would show; POST (form or JSON
   * `{uuid, confirm, login?, name?}`) scans and confirms.
   */
  #scan(x: Exchange): void {
    const raw = x.method === 'GET' ? Object.fromEntries(x.url.searchParams) : ((x.body ?? {}) as Record<string, unknown>);
    const text = (key: string) => (typeof raw[key] === 'string' ? raw[key] : '');
    const params = { uuid: text('uuid'), login: text('login'), name: text('name'), confirm: raw.confirm };
    const session = this.#qr.get(params.uuid);
    if (!session) return sendText(x.res, 404, renderPage('WeChat', '<p>This QR code is unknown.</p>'), 'text/html');
    if (Date.now() - session.createdAt > this.#ttlMs) {
      return sendJson(x.res, 410, { status: 'expired' });
    }
    const confirm = params.confirm === true || params.confirm === 'true' || params.confirm === '1';
    if (!confirm) {
      session.status = 'scanned';
      const page = `<h1>Sign in on the website?</h1>
        <form method="get" action="/__emulator/wechat/scan">
          <input type="hidden" name="uuid" value="${escapeHtml(session.uuid)}"><input type="hidden" name="confirm" value="1">
          <label>WeChat account <input name="login" value="wechat-user" autocomplete="off"></label>
          <label>Nickname <input name="name" value="WeChat User" autocomplete="off"></label>
          <p><button>Confirm</button></p></form>`;
      return sendText(x.res, 200, renderPage('WeChat (emulated phone)', page), 'text/html');
    }
    const login = (params.login || 'wechat-user').replace(/[^\w.-]/g, '');
    session.status = 'confirmed';
    session.code = this.#issue({
      target: 'wechat',
      userInfo: { id: `wechat-${login}`, name: params.name || login },
    });
    if (x.method === 'GET') {
      return sendText(x.res, 200, renderPage('WeChat (emulated phone)', '<p>Confirmed. You can close this page.</p>'), 'text/html');
    }
    sendJson(x.res, 200, { status: 'confirmed' });
  }

  // ----- OAuth 2.0 style (DingTalk, generic) --------------------------------------------------

  #consent(x: Exchange, provider: string, name: string): void {
    const query = x.url.searchParams;
    const redirectUri = query.get('redirect_uri') ?? '';
    if (!/^https?:\/\//.test(redirectUri)) return sendText(x.res, 400, 'redirect_uri must be http(s)');
    const action = provider === 'dingtalk' ? '/__emulator/dingtalk/approve' : `/__emulator/oauth/${encodeURIComponent(provider)}/approve`;
    const hidden = (key: string, value: string) => `<input type="hidden" name="${key}" value="${escapeHtml(value)}">`;
    const title = escapeHtml(name);
    const html =
      `<h1>${title}</h1><p>The emulated ${title} asks you to approve the sign-in.</p>` +
      `<form method="get" action="${action}">` +
      hidden('redirect_uri', redirectUri) +
      hidden('state', query.get('state') ?? '') +
      hidden('target', provider === 'dingtalk' ? 'dingtalk' : query.get('client_id')?.replace(/^emulated-/, '') ?? provider) +
      `<label>Account id <input name="login" value="social-user" autocomplete="off"></label>` +
      `<label>Name <input name="name" value="Social User" autocomplete="off"></label>` +
      `<label>Email (optional) <input name="email" type="email" autocomplete="off"></label>` +
      `<label>Phone, digits with country code (optional) <input name="phone" inputmode="tel" autocomplete="off"></label>` +
      `<p><button name="decision" value="allow">Authorize</button> ` +
      `<button name="decision" value="deny">Cancel</button> ` +
      `<button name="decision" value="error">Simulate a provider error</button></p></form>`;
    sendText(x.res, 200, renderPage(`${title} (emulated)`, html), 'text/html');
  }

  #approve(x: Exchange): void {
    const query = x.url.searchParams;
    const redirectUri = query.get('redirect_uri') ?? '';
    if (!/^https?:\/\//.test(redirectUri)) return sendText(x.res, 400, 'redirect_uri must be http(s)');
    const back = new URL(redirectUri);
    const decision = query.get('decision');
    if (decision === 'deny') {
      back.searchParams.set('error', 'access_denied');
      back.searchParams.set('error_description', 'The user cancelled the authorization.');
    } else if (decision === 'error') {
      back.searchParams.set('error', 'server_error');
      back.searchParams.set('error_description', 'The provider had a problem.');
    } else {
      const target = query.get('target') || 'oauth2';
      const login = (query.get('login') || 'social-user').replace(/[^\w.@+-]/g, '');
      const email = query.get('email') || undefined;
      const phone = query.get('phone')?.replace(/\D/g, '') || undefined;
      const code = this.#issue({
        target,
        userInfo: { id: `${target}-${login}`, name: query.get('name') || login, ...(email ? { email } : {}), ...(phone ? { phone } : {}) },
      });
      back.searchParams.set('code', code);
      if (target === 'dingtalk') back.searchParams.set('authCode', code);
    }
    back.searchParams.set('state', query.get('state') ?? '');
    redirect(x.res, back.href, 302);
  }
}
