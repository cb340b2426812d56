import { expect } from '@open-wc/testing';

import {
  embeddedUri,
  embeddedWechatUri,
  prefersRedirect,
  randomState,
  saveAttempt,
  type SocialAttempt,
  takeAttempt,
} from '../../src/flow/social.js';
import { connector } from '../helpers/social.js';

const SESSION_PREFIX = 'sign-in-kit:social:';
const FALLBACK_PREFIX = 'sign-in-kit:social-fallback:';

function attempt(state: string, connectorId = 'oauth2-demo'): Omit<SocialAttempt, 'expiresAt'> {
  return {
    state,
    connectorId,
    verificationId: `verification-${state}`,
    redirectUri: `${location.origin}/callback/${connectorId}`,
    appId: 'app-1',
  };
}

function socialKeys(): string[] {
  const keys: string[] = [];
  for (const storage of [sessionStorage, localStorage]) {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i) ?? '';
      if (key.startsWith('sign-in-kit:social')) keys.push(key);
    }
  }
  return keys;
}

function clearSocialKeys(): void {
  for (const storage of [sessionStorage, localStorage]) {
    for (const key of Object.keys(storage)) if (key.startsWith('sign-in-kit:social')) storage.removeItem(key);
  }
}

const ua = {
  desktopChrome:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  wechatDesktop:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/81.0 Safari/537.36 MicroMessenger/7.0.20 NetType/WIFI WindowsWechat',
  iphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  android:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
};

describe('social helpers (src/flow/social.ts)', () => {
  beforeEach(clearSocialKeys);
  afterEach(clearSocialKeys);

  describe('randomState', () => {
    it('is at least 22 URL-safe characters and different every call', () => {
      const states = Array.from({ length: 200 }, () => randomState());
      for (const state of states) {
        expect(state.length).to.be.at.least(22);
        expect(state).to.match(/^[A-Za-z0-9_-]+$/);
        expect(encodeURIComponent(state)).to.equal(state);
      }
      expect(new Set(states).size).to.equal(states.length);
    });
  });

  describe('takeAttempt', () => {
    it('returns the attempt when the callback state matches the saved one', () => {
      saveAttempt(attempt('state-ok'));
      const result = takeAttempt('oauth2-demo', 'state-ok');
      expect(result.problem).to.equal(undefined);
      expect(result.attempt?.verificationId).to.equal('verification-state-ok');
      expect(result.attempt?.redirectUri).to.equal(`${location.origin}/callback/oauth2-demo`);
    });

    it('refuses a mismatching state with state_mismatch, and removes both copies', () => {
      saveAttempt(attempt('state-real'));
      const result = takeAttempt('oauth2-demo', 'forged');
      expect(result).to.deep.equal({ problem: 'state_mismatch' });
      expect(socialKeys()).to.deep.equal([]);
      // The real state no longer works either: the attempt is single-use.
      expect(takeAttempt('oauth2-demo', 'state-real').attempt).to.equal(undefined);
    });

    it('refuses a callback without state', () => {
      saveAttempt(attempt('state-x'));
      expect(takeAttempt('oauth2-demo', undefined)).to.deep.equal({ problem: 'state_missing' });
      expect(takeAttempt('oauth2-demo', undefined)).to.deep.equal({ problem: 'state_missing' });
    });

    it('uses the localStorage copy when the tab lost sessionStorage (in-app browsers)', () => {
      saveAttempt(attempt('state-lost'));
      sessionStorage.removeItem(`${SESSION_PREFIX}oauth2-demo`);
      const result = takeAttempt('oauth2-demo', 'state-lost');
      expect(result.problem).to.equal(undefined);
      expect(result.attempt?.verificationId).to.equal('verification-state-lost');
      expect(result.attempt?.appId).to.equal('app-1');
      expect(socialKeys()).to.deep.equal([]);
    });

    it('refuses an expired fallback copy', () => {
      const saved = saveAttempt(attempt('state-old'), Date.now() - 11 * 60 * 1000);
      expect(saved.expiresAt).to.be.below(Date.now());
      sessionStorage.removeItem(`${SESSION_PREFIX}oauth2-demo`);
      const result = takeAttempt('oauth2-demo', 'state-old');
      expect(result.attempt).to.equal(undefined);
      expect(result.problem).to.equal('state_mismatch');
      expect(socialKeys()).to.deep.equal([]);
    });

    it('refuses a fallback copy made for another connector', () => {
      saveAttempt(attempt('state-other', 'dingtalk-web'));
      sessionStorage.removeItem(`${SESSION_PREFIX}dingtalk-web`);
      const result = takeAttempt('oauth2-demo', 'state-other');
      expect(result.attempt).to.equal(undefined);
      expect(result.problem).to.equal('state_mismatch');
      expect(localStorage.getItem(`${FALLBACK_PREFIX}state-other`)).to.equal(null);
    });

    it('removes both the sessionStorage and the localStorage copy after use', () => {
      saveAttempt(attempt('state-used'));
      expect(sessionStorage.getItem(`${SESSION_PREFIX}oauth2-demo`)).to.not.equal(null);
      expect(localStorage.getItem(`${FALLBACK_PREFIX}state-used`)).to.not.equal(null);
      expect(takeAttempt('oauth2-demo', 'state-used').attempt).to.not.equal(undefined);
      expect(socialKeys()).to.deep.equal([]);
      // A replay of the same callback is refused.
      expect(takeAttempt('oauth2-demo', 'state-used')).to.deep.equal({ problem: 'state_missing' });
    });

    it('keeps no secret in storage: only the state, ids and the redirect URI', () => {
      saveAttempt(attempt('state-shape'));
      const stored = JSON.parse(sessionStorage.getItem(`${SESSION_PREFIX}oauth2-demo`)!) as Record<string, unknown>;
      expect(Object.keys(stored).sort()).to.deep.equal(['appId', 'connectorId', 'expiresAt', 'redirectUri', 'state', 'verificationId']);
    });
  });

  describe('embeddedWechatUri', () => {
    const base =
      'https://open.weixin.qq.com/connect/qrconnect?appid=wx123&redirect_uri=https%3A%2F%2Fauth.example.com%2Fcallback%2Fwechat-web&response_type=code&scope=snsapi_login&state=abc_DEF-123';

    it('keeps appid, redirect_uri, scope and state, and asks for the embedded form', () => {
      const embedded = new URL(embeddedWechatUri(`${base}#wechat_redirect`)!);
      const original = new URL(base);
      expect(embedded.origin + embedded.pathname).to.equal('https://open.weixin.qq.com/connect/qrconnect');
      for (const key of ['appid', 'redirect_uri', 'scope', 'state', 'response_type']) {
        expect(embedded.searchParams.get(key), key).to.equal(original.searchParams.get(key));
      }
      expect(embedded.searchParams.get('login_type')).to.equal('jssdk');
      expect(embedded.searchParams.get('self_redirect')).to.equal('false');
      expect(embedded.hash).to.equal('');
    });

    it('rejects URLs that are not a WeChat qrconnect page', () => {
      expect(embeddedWechatUri('https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx123&state=x')).to.equal(undefined);
      expect(embeddedWechatUri('https://open.weixin.qq.com/connect/qrconnect?state=x')).to.equal(undefined);
      expect(embeddedWechatUri('javascript:alert(1)//connect/qrconnect?appid=x')).to.equal(undefined);
      expect(embeddedWechatUri('not a url')).to.equal(undefined);
    });

    it('only WeChat and DingTalk are embedded; other providers are redirected to', () => {
      const wechat = connector('wechat-web', 'wechat');
      const dingtalk = connector('dingtalk-web', 'dingtalk');
      const google = connector('google', 'google');
      expect(embeddedUri(wechat, base)).to.contain('login_type=jssdk');
      expect(embeddedUri(dingtalk, 'https://login.dingtalk.com/oauth2/auth?client_id=x&state=y')).to.equal(
        'https://login.dingtalk.com/oauth2/auth?client_id=x&state=y',
      );
      expect(embeddedUri(dingtalk, 'javascript:alert(1)')).to.equal(undefined);
      expect(embeddedUri(google, 'https://accounts.google.com/o/oauth2/v2/auth?state=y')).to.equal(undefined);
    });
  });

  describe('prefersRedirect', () => {
    it('redirects inside WeChat and DingTalk, and on phones', () => {
      expect(prefersRedirect(ua.wechatDesktop, false, false)).to.equal(true);
      expect(prefersRedirect(`${ua.iphone} MicroMessenger/8.0.47`, true, true)).to.equal(true);
      expect(prefersRedirect(`${ua.desktopChrome} DingTalk/7.0`, false, false)).to.equal(true);
      expect(prefersRedirect(ua.iphone, true, true)).to.equal(true);
      expect(prefersRedirect(ua.android, true, true)).to.equal(true);
      // A phone UA in a wide window (landscape tablet-ish) still redirects.
      expect(prefersRedirect(ua.android, true, false)).to.equal(true);
    });

    it('embeds on a desktop browser, even in a narrow window; a touch-only narrow screen redirects', () => {
      expect(prefersRedirect(ua.desktopChrome, false, false)).to.equal(false);
      expect(prefersRedirect(ua.desktopChrome, false, true)).to.equal(false);
      expect(prefersRedirect(ua.desktopChrome, true, false)).to.equal(false);
      expect(prefersRedirect(ua.desktopChrome, true, true)).to.equal(true);
    });
  });
});
