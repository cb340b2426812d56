/**
 * CAPTCHA: the emulator is its own CAPTCHA provider. Fake Turnstile and reCAPTCHA Enterprise
 * scripts (served under `/__emulator/captcha/`) expose the providers' global APIs and get their
 * tokens from `/__emulator/captcha/token`, so everything stays on the page's origin and works
 * offline. `PUT /api/experience {captchaToken}` accepts a token once, and only for the tenant's
 * configured site key; anything else is `422 session.captcha_failed`, as Logto answers.
 */
import type { SecuritySettings } from './config.js';
import { captchaFailed, captchaRequired } from './errors.js';
import { type Exchange, sendEmpty, sendJson, sendText } from './http.js';
import { randomBytes, toBase64url } from './random.js';
import type { Interaction, Store } from './state.js';

/** Verifies and uses up a token given at `PUT /api/experience`; throws `session.captcha_failed`. */
export function verifyCaptchaToken(store: Store, security: SecuritySettings, token: unknown): void {
  const config = security.captchaConfig;
  if (!config || typeof token !== 'string' || token === '') throw captchaFailed();
  const siteKey = store.captchaTokens.get(token);
  if (siteKey === undefined) throw captchaFailed();
  store.captchaTokens.delete(token);
  if (siteKey !== config.siteKey) throw captchaFailed();
}

/** 422 `session.captcha_required` when the policy is on and the interaction neither passed nor skipped it. */
export function assertCaptcha(interaction: Interaction, security: SecuritySettings): void {
  if (!security.captchaPolicy.enabled) return;
  if (interaction.captcha.verified || interaction.captcha.skipped) return;
  throw captchaRequired();
}

/** `/__emulator/captcha/...`: the provider scripts, token issuing and revoking. */
export function captchaDevRoute(store: Store, x: Exchange, route: string): boolean {
  if (route === 'turnstile.js' && x.method === 'GET') {
    sendText(x.res, 200, TURNSTILE_SCRIPT, 'text/javascript');
    return true;
  }
  if (route === 'recaptcha-enterprise.js' && x.method === 'GET') {
    sendText(x.res, 200, RECAPTCHA_SCRIPT, 'text/javascript');
    return true;
  }
  if (route === 'demo' && x.method === 'GET') {
    // The widgets on a page of their own, under a strict CSP with Trusted Types (no inline code).
    x.res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': DEMO_CSP,
    });
    x.res.end(DEMO_PAGE);
    return true;
  }
  if (route === 'demo.js' && x.method === 'GET') {
    sendText(x.res, 200, DEMO_SCRIPT, 'text/javascript');
    return true;
  }
  if (route === 'token' && x.method === 'GET') {
    const siteKey = x.url.searchParams.get('siteKey') ?? '';
    if (!siteKey) {
      sendJson(x.res, 400, { message: 'siteKey is required.' });
      return true;
    }
    const token = `emulated.${toBase64url(randomBytes(18))}`;
    store.captchaTokens.set(token, siteKey);
    sendJson(x.res, 200, { token });
    return true;
  }
  if (route === 'revoke' && x.method === 'POST') {
    const tokens = (x.body as { tokens?: unknown } | undefined)?.tokens;
    if (Array.isArray(tokens)) for (const token of tokens) if (typeof token === 'string') store.captchaTokens.delete(token);
    sendEmpty(x.res);
    return true;
  }
  return false;
}

/**
 * Shared by both scripts: the widget box, the token fetch and the test controls on
 * `window.__emulatedCaptcha`. DOM is built with createElement/textContent and styled through
 * element properties only, so it runs under a strict CSP with Trusted Types.
 */
const COMMON = String.raw`
  var script = document.currentScript;
  var base = script && script.src ? script.src : location.href;
  var tokenUrl = new URL('/__emulator/captcha/token', base);
  var revokeUrl = new URL('/__emulator/captcha/revoke', base);
  var onload = script && script.src ? new URL(script.src).searchParams.get('onload') : null;
  var registry = window.__emulatedCaptcha;
  if (!registry) {
    registry = {
      widgets: [],
      expire: function () {
        var tokens = [];
        registry.widgets.forEach(function (widget) { var token = widget.expire(); if (token) tokens.push(token); });
        if (tokens.length) {
          fetch(revokeUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tokens: tokens }), credentials: 'same-origin' });
        }
      }
    };
    window.__emulatedCaptcha = registry;
  }
  function call(fn, value) {
    if (typeof fn === 'string') fn = window[fn];
    if (typeof fn === 'function') { try { fn(value); } catch (error) { setTimeout(function () { throw error; }); } }
  }
  function issue(siteKey) {
    var url = new URL(tokenUrl);
    url.searchParams.set('siteKey', siteKey);
    return fetch(url, { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) throw new Error('the emulator refused a captcha token');
      return response.json();
    }).then(function (body) { return body.token; });
  }
  function container(target) {
    var element = typeof target === 'string' ? document.querySelector(target.charAt(0) === '#' || target.charAt(0) === '.' ? target : '#' + target) : target;
    if (!element) throw new Error('captcha: container not found');
    return element;
  }
  var counter = 0;
  function Widget(target, options, label) {
    this.id = ++counter;
    this.options = options || {};
    this.label = label;
    this.token = undefined;
    this.removed = false;
    var box = document.createElement('div');
    box.setAttribute('role', 'status');
    box.setAttribute('aria-live', 'polite');
    box.className = 'emulated-captcha';
    box.dataset.widgetId = String(this.id);
    var dark = this.options.theme === 'dark';
    box.style.display = 'inline-block';
    box.style.boxSizing = 'border-box';
    box.style.minWidth = '220px';
    box.style.padding = '10px 14px';
    box.style.border = '1px solid ' + (dark ? '#6b7280' : '#9ca3af');
    box.style.borderRadius = '6px';
    box.style.background = dark ? '#1f2937' : '#f9fafb';
    box.style.color = dark ? '#f9fafb' : '#111827';
    box.style.font = '14px/1.4 system-ui, sans-serif';
    this.box = box;
    container(target).appendChild(box);
    registry.widgets.push(this);
    this.start();
  }
  Widget.prototype.say = function (text) { this.box.textContent = text + ' \u2014 emulated CAPTCHA'; };
  Widget.prototype.start = function () {
    var self = this;
    clearTimeout(this.timer);
    this.token = undefined;
    this.say('Verifying\u2026');
    this.timer = setTimeout(function () {
      if (self.removed) return;
      var siteKey = String(self.options.sitekey || '');
      if (!siteKey || siteKey.indexOf('fail') !== -1) {
        self.say('Verification failed');
        call(self.options['error-callback'], 'emulated-failure');
        return;
      }
      issue(siteKey).then(function (token) {
        if (self.removed) return;
        self.token = token;
        self.say('Verified');
        call(self.options.callback, token);
      }, function () {
        if (self.removed) return;
        self.say('Verification failed');
        call(self.options['error-callback'], 'emulated-network-error');
      });
    }, 150);
  };
  Widget.prototype.expire = function () {
    if (this.removed || !this.token) return undefined;
    var token = this.token;
    this.token = undefined;
    this.say('Expired');
    call(this.options['expired-callback'], token);
    return token;
  };
  Widget.prototype.remove = function () {
    clearTimeout(this.timer);
    this.removed = true;
    this.token = undefined;
    if (this.box.parentNode) this.box.parentNode.removeChild(this.box);
    registry.widgets = registry.widgets.filter(function (widget) { return widget !== this; }, this);
  };
  var own = {};
  function find(id) {
    if (id === undefined || id === null) { for (var key in own) return own[key]; return undefined; }
    return own[String(id)];
  }
`;

const TURNSTILE_SCRIPT = `/* Emulated Cloudflare Turnstile (Logto emulator): window.turnstile, offline. */
(function () {
  'use strict';
  if (window.turnstile) return;
${COMMON}
  window.turnstile = {
    render: function (target, options) {
      var widget = new Widget(target, options, 'turnstile');
      var id = 'cf-emulated-' + widget.id;
      own[id] = widget;
      return id;
    },
    reset: function (id) { var widget = find(id); if (widget) widget.start(); },
    remove: function (id) { var widget = find(id); if (widget) { widget.remove(); delete own[String(id)]; } },
    getResponse: function (id) { var widget = find(id); return widget ? widget.token : undefined; },
    isExpired: function (id) { var widget = find(id); return !widget || !widget.token; },
    ready: function (callback) { setTimeout(callback, 0); },
    execute: function (id) { var widget = find(id); if (widget && !widget.token) widget.start(); }
  };
  if (onload) setTimeout(function () { call(onload); }, 0);
})();
`;

const RECAPTCHA_SCRIPT = `/* Emulated reCAPTCHA Enterprise (Logto emulator): window.grecaptcha.enterprise, offline. */
(function () {
  'use strict';
  if (window.grecaptcha && window.grecaptcha.enterprise) return;
${COMMON}
  var enterprise = {
    ready: function (callback) { setTimeout(callback, 0); },
    execute: function (siteKey, options) {
      void options;
      var key = String(siteKey || '');
      if (!key || key.indexOf('fail') !== -1) return Promise.reject(new Error('emulated reCAPTCHA failure'));
      return new Promise(function (resolve) { setTimeout(resolve, 150); }).then(function () { return issue(key); });
    },
    render: function (target, options) {
      var widget = new Widget(target, options, 'recaptcha');
      own[String(widget.id)] = widget;
      return widget.id;
    },
    reset: function (id) { var widget = find(id); if (widget) widget.start(); },
    getResponse: function (id) { var widget = find(id); return widget && widget.token ? widget.token : ''; }
  };
  window.grecaptcha = window.grecaptcha || {};
  window.grecaptcha.enterprise = enterprise;
  if (onload) setTimeout(function () { call(onload); }, 0);
})();
`;

const DEMO_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; require-trusted-types-for 'script'";

const DEMO_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Emulated CAPTCHA</title>
<script src="/__emulator/captcha/demo.js"></script>
<script src="/__emulator/captcha/turnstile.js"></script>
<script src="/__emulator/captcha/recaptcha-enterprise.js"></script>
</head>
<body>
<main>
<h1>Emulated CAPTCHA</h1>
<p>The emulator's stand-ins for Turnstile and reCAPTCHA Enterprise. Add <code>?siteKey=fail</code> to see a failure.</p>
<h2>Turnstile</h2>
<div id="turnstile"></div>
<h2>reCAPTCHA Enterprise (checkbox)</h2>
<div id="recaptcha"></div>
<p id="result"></p>
</main>
</body>
</html>
`;

/** Runs first on the demo page: records CSP violations, then renders both widgets. */
const DEMO_SCRIPT = `(function () {
  'use strict';
  var violations = [];
  window.__violations = violations;
  document.addEventListener('securitypolicyviolation', function (event) {
    violations.push(event.effectiveDirective + ' ' + event.blockedURI);
  });
  document.addEventListener('DOMContentLoaded', function () {
    var siteKey = new URLSearchParams(location.search).get('siteKey') || 'demo-site-key';
    var result = document.getElementById('result');
    function report(kind) {
      return function (value) {
        result.dataset[kind] = value || 'yes';
        result.textContent = kind + ': ' + (value || '');
      };
    }
    window.turnstile.render('#turnstile', { sitekey: siteKey, callback: report('token'), 'error-callback': report('error'), 'expired-callback': report('expired') });
    window.grecaptcha.enterprise.render(document.getElementById('recaptcha'), { sitekey: siteKey, callback: report('recaptcha') });
  });
})();
`;
