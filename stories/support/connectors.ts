/**
 * Social connectors for the stories, as a tenant's sign-in-experience config lists them: the
 * emulator's demo providers (WeChat, DingTalk, a generic OAuth 2.0 one), and, for the tenants
 * with many providers, more OAuth 2.0 connectors with monogram logos (`data:` images, which the
 * kit accepts as logos).
 */
import type { ConfigPatch } from './emulator.js';

interface Connector {
  id: string;
  target: string;
  name: Record<string, string>;
  logo: string;
  logoDark: string | null;
  platform: 'Web' | 'Universal' | 'Native';
  isStandard: boolean;
}

const WECHAT: Connector = {
  id: 'wechat-web',
  target: 'wechat',
  name: { en: 'WeChat', 'zh-CN': '微信', 'zh-TW': '微信', 'zh-HK': '微信' },
  logo: '/__emulator/assets/wechat.svg',
  logoDark: null,
  platform: 'Web',
  isStandard: false,
};

const DINGTALK: Connector = {
  id: 'dingtalk-web',
  target: 'dingtalk',
  name: { en: 'DingTalk', 'zh-CN': '钉钉', 'zh-TW': '釘釘', 'zh-HK': '釘釘' },
  logo: '/__emulator/assets/dingtalk.svg',
  logoDark: null,
  platform: 'Web',
  isStandard: false,
};

const OAUTH2: Connector = {
  id: 'oauth2-demo',
  target: 'oauth2',
  name: { en: 'OAuth2' },
  logo: '/__emulator/assets/oauth2.svg',
  logoDark: '/__emulator/assets/oauth2-dark.svg',
  platform: 'Universal',
  isStandard: true,
};

/** Invented company identity providers, each with its own colour. */
const COMPANIES: [name: string, colour: string][] = [
  ['Acme ID', '#b91c1c'],
  ['Borealis', '#1d4ed8'],
  ['Contoso SSO', '#047857'],
  ['Driftwood', '#92400e'],
  ['Evergreen', '#15803d'],
  ['Fabrikam', '#6d28d9'],
  ['Globex', '#0e7490'],
  ['Harbor Login', '#be185d'],
  ['Initech', '#334155'],
];

function monogram(letter: string, colour: string): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">` +
    `<circle cx="12" cy="12" r="11" fill="${colour}"/>` +
    `<text x="12" y="16.5" font-family="system-ui,sans-serif" font-size="13" font-weight="700" fill="#fff" text-anchor="middle">${letter}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

function company([name, colour]: [string, string], index: number): Connector {
  const id = `oidc-${index + 1}`;
  return {
    id,
    target: id,
    name: { en: name },
    logo: monogram(name.charAt(0), colour),
    logoDark: null,
    platform: 'Universal',
    isStandard: true,
  };
}

/** The connectors of a tenant with `count` providers (1, 3 or up to 12), in the tenant's order. */
export function socialConnectors(count: number): ConfigPatch {
  const demo = [WECHAT, DINGTALK, OAUTH2];
  const list = count === 1 ? [OAUTH2] : [...demo, ...COMPANIES.map(company)].slice(0, Math.max(count, 0));
  return {
    socialConnectors: list,
    socialSignInConnectorTargets: list.map((connector) => connector.target),
  };
}
