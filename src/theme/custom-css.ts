/**
 * The tenant's custom CSS (`customCss` of the sign-in experience) is the tenant's design, so it
 * wins over the kit's own rules, as it does on Logto's page.
 */

/**
 * Fills `sheet` with the tenant's CSS. The form's light-DOM rules carry an id's weight against
 * host page CSS (fields.styles.ts); each custom rule gets two ids' weight (`:not(#_#_)` matches
 * every element), whatever the order in which the kit's later style sheets arrive. Rules with a
 * pseudo-element (`::part(card)`) reach the shadow parts, where the kit's light-DOM rules do not,
 * and stay as written. Throws on CSS the browser cannot parse at all, as `replaceSync` does.
 */
export function setTenantCss(sheet: CSSStyleSheet, text: string): void {
  sheet.replaceSync(text);
  outrankKitStyles(sheet.cssRules);
}

function outrankKitStyles(rules: CSSRuleList): void {
  for (const rule of rules) {
    if (rule instanceof CSSStyleRule && !rule.selectorText.includes('::')) rule.selectorText = `:is(${rule.selectorText}):not(#_#_)`;
    if ('cssRules' in rule) outrankKitStyles(rule.cssRules as CSSRuleList);
  }
}
