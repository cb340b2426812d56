import { html, type TemplateResult } from 'lit';

/**
 * A value inserted in a translated sentence (an email address, a phone number, a name, a count),
 * isolated from the text around it in a `<bdi>`: in Arabic or Persian, "+966 51 234 5678" or
 * "a.b@example.com" keeps its own order instead of being reordered with the sentence. `<bdi>`
 * takes its direction from its first strong character, and is left-to-right without one (digits,
 * `+`), so a Latin address, a number and an Arabic name all read right. Use it inside
 * `msg(html\`…\`)`: the message keeps one placeholder per value, so translations are unchanged.
 */
export function isolate(value: unknown): TemplateResult {
  return html`<bdi>${value}</bdi>`;
}
