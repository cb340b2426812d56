/**
 * Helpers for the identifier-journey tests (test/journeys): a harness with the few extra reads the
 * journeys need (links, notices, steps), readable summaries of what the emulated server received,
 * unique accounts, and the hosted page in an iframe.
 */
import { fixture, html, waitUntil } from "@open-wc/testing";
import { sendKeys } from "@web/test-runner-commands";

import "../../src/define.js";
import type { RecordedRequest } from "../../src/emulator/emulator.js";
import type { SignInForm, SiSuccessEvent } from "../../src/index.js";
import { uniqueName } from "./emulator.js";
import { FormHarness } from "./harness.js";

// ----- tenants -----------------------------------------------------------------------------------

/** Sign-up by username and password (the demo tenant's sign-in methods stay as they are). */
export const USERNAME_SIGN_UP = {
  signUp: { identifiers: ["username"], password: true },
};

/** Sign-in by email with a code only (no password), sign-up by email + password. */
export const EMAIL_CODE_ONLY = {
  signIn: {
    methods: [
      {
        identifier: "email",
        password: false,
        verificationCode: true,
        isPasswordPrimary: false,
      },
    ],
  },
};

// ----- the form ----------------------------------------------------------------------------------

export class JourneyHarness extends FormHarness {
  /** The current step name, as the element reports it. */
  get stepName(): string | undefined {
    return this.element.step?.name;
  }

  /** Waits until the step's heading reads `text` (and returns it). */
  async waitForHeading(text: string, timeout = 5000): Promise<string> {
    try {
      await waitUntil(() => this.heading() === text, "", { timeout });
    } catch {
      const alert = this.alertText();
      throw new Error(
        `the heading never became "${text}": it is "${this.heading() ?? ""}"${alert ? `, with the alert "${alert}"` : ""}`,
      );
    }
    return text;
  }

  /**
   * The error message (`.si-error`) the field points to with aria-describedby, without the other
   * descriptions (the password checklist).
   */
  errorUnder(name: string): string | undefined {
    const ids =
      this.input(name).getAttribute("aria-describedby")?.split(/\s+/) ?? [];
    const errors = ids
      .map((id) => this.form.querySelector(`#${CSS.escape(id)}`))
      .filter((element) => element?.classList.contains("si-error"));
    return (
      errors.map((element) => element!.textContent?.trim() ?? "").join(" ") ||
      undefined
    );
  }

  /** Waits until the field points to an error message, and returns its text. */
  async waitForFieldError(name: string, timeout = 5000): Promise<string> {
    await waitUntil(
      () => this.errorUnder(name),
      `no error under the ${name} field`,
      { timeout },
    );
    return this.errorUnder(name)!;
  }

  /** The link-styled button (`.si-link`) with this text. */
  link(text: string): HTMLButtonElement {
    const links = [
      ...this.form.querySelectorAll<HTMLButtonElement>("button.si-link"),
    ];
    const match = links.find((link) => link.textContent?.trim() === text);
    if (!match)
      throw new Error(
        `no link "${text}" among: ${links.map((l) => l.textContent?.trim()).join(" | ")}`,
      );
    return match;
  }

  hasLink(text: string): boolean {
    return [...this.form.querySelectorAll("button.si-link")].some(
      (link) => link.textContent?.trim() === text,
    );
  }

  subtitle(): string | undefined {
    return (
      this.form
        .querySelector(".si-subtitle")
        ?.textContent?.replace(/\s+/g, " ")
        .trim() || undefined
    );
  }

  notice(): string | undefined {
    return (
      this.form.querySelector(".si-notice")?.textContent?.trim() || undefined
    );
  }

  hasInput(name: string): boolean {
    return Boolean(this.form.querySelector(`input[name="${name}"]`));
  }

  /** Ticks the terms checkbox the way a user does (a click). */
  agreeToTerms(): void {
    const box = this.input("terms");
    if (!box.checked) box.click();
  }

  /** Pastes a whole value into a field: one input event, as a paste or an OTP autofill does. */
  paste(name: string, text: string): void {
    const input = this.input(name);
    input.focus();
    input.value = text;
    input.dispatchEvent(
      new InputEvent("input", {
        bubbles: true,
        composed: true,
        inputType: "insertFromPaste",
        data: text,
      }),
    );
  }

  /** The element that has focus, in the form's document. */
  focused(): Element | null {
    return this.element.ownerDocument.activeElement;
  }

  /** The rules of the new-password checklist: text → met. */
  rules(): Record<string, boolean> {
    const out: Record<string, boolean> = {};
    for (const rule of this.form.querySelectorAll<HTMLElement>(".si-rule")) {
      const text =
        rule
          .querySelector("span:not(.si-rule__mark):not(.si-visually-hidden)")
          ?.textContent?.trim() ?? "";
      out[text] = rule.dataset.met === "true";
    }
    return out;
  }
}

/** Mounts `<sign-in-form>` for an app and waits for its first step. */
export async function mount(
  appId: string,
  options: { theme?: "light" | "dark" } = {},
): Promise<JourneyHarness> {
  const element = await fixture<SignInForm>(
    html`<sign-in-form
      app-id=${appId}
      theme=${options.theme ?? "auto"}
    ></sign-in-form>`,
  );
  return new JourneyHarness(element).ready();
}

/** Stops the real full-page navigation at the end of a journey; resolves with the event. */
export function interceptSuccess(element: SignInForm): Promise<SiSuccessEvent> {
  return new Promise((resolve) => {
    element.addEventListener(
      "si-success",
      (event) => {
        event.preventDefault();
        resolve(event);
      },
      { once: true },
    );
  });
}

// ----- what the server received ------------------------------------------------------------------

/** `PUT / 204`, `POST /verification/password 200`, … (paths relative to /api/experience). */
export function summary(requests: RecordedRequest[]): string[] {
  return requests.map(
    (r) =>
      `${r.method} ${r.path.replace(/^\/api\/experience/, "") || "/"} ${r.status}`,
  );
}

/** Bodies of the requests to one Experience API path (`/identification`, `/profile`, …). */
export function bodiesOf(
  requests: RecordedRequest[],
  path: string,
  method?: string,
): unknown[] {
  return requests
    .filter(
      (r) =>
        r.path === `/api/experience${path === "/" ? "" : path}` &&
        (!method || r.method === method),
    )
    .map((r) => r.body);
}

// ----- accounts ----------------------------------------------------------------------------------

export function uniqueEmail(prefix = "user"): string {
  return `${uniqueName(prefix)}@example.com`;
}

/** A valid, unused Chinese mobile number as the API expects it: `86138…` (13 digits). */
export function uniquePhone(): string {
  return `86139${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
}

/**
 * Rows that count as sequences for Logto's password policy: the alphabet, the digits, and the
 * keyboard's rows and columns, read either way.
 */
const SEQUENCE_ROWS = [
  "abcdefghijklmnopqrstuvwxyz",
  "0123456789",
  "qwertyuiop",
  "asdfghjkl",
  "zxcvbnm",
  "1qaz",
  "2wsx",
  "3edc",
  "4rfv",
  "5tgb",
  "6yhn",
  "7ujm",
  "8ik",
  "9ol",
];

/** Three characters in a row of one of those sequences, forwards or backwards ("abc", "qwe", "lkj"). */
function hasSequence(text: string): boolean {
  const lower = text.toLowerCase();
  for (let i = 0; i + 2 < lower.length; i++) {
    const three = lower.slice(i, i + 3);
    const reversed = [...three].reverse().join("");
    if (
      SEQUENCE_ROWS.some((row) => row.includes(three) || row.includes(reversed))
    )
      return true;
  }
  return false;
}

/**
 * Random lowercase letters with no sequence ("abc") or triple ("aaa"), so that a password built
 * from it breaks exactly the rule a test wants and no other.
 */
export function plainLetters(length = 10): string {
  for (;;) {
    const letters = Array.from({ length }, () =>
      String.fromCharCode(97 + Math.floor(Math.random() * 26)),
    ).join("");
    if (!hasSequence(letters) && !/(.)\1\1/.test(letters)) return letters;
  }
}

/** A code that is certainly not `right`. */
export function wrongCode(right: string): string {
  return right === "000000" ? "111111" : "000000";
}

// ----- the hosted page in an iframe --------------------------------------------------------------

/** Forgets what earlier hosted pages kept in this tab (app id, saved step). */
export function clearPageStorage(): void {
  for (const key of Object.keys(sessionStorage))
    if (key.startsWith("sign-in-kit:")) sessionStorage.removeItem(key);
}

export class HostedFrame {
  constructor(readonly frame: HTMLIFrameElement) {}

  static async open(src: string): Promise<HostedFrame> {
    const frame = document.createElement("iframe");
    frame.style.width = "420px";
    frame.style.height = "760px";
    const loaded = new Promise((resolve) =>
      frame.addEventListener("load", resolve, { once: true }),
    );
    frame.src = src;
    document.body.append(frame);
    await loaded;
    return new HostedFrame(frame);
  }

  static closeAll(): void {
    document.querySelectorAll("iframe").forEach((frame) => frame.remove());
  }

  get window(): Window {
    return this.frame.contentWindow!;
  }

  get doc(): Document {
    return this.frame.contentDocument!;
  }

  path(): string {
    return this.window.location.pathname;
  }

  query(name: string): string | null {
    return new URL(this.window.location.href).searchParams.get(name);
  }

  /** The form on the page, driven with the same harness as a bare form. */
  async form(): Promise<JourneyHarness> {
    await waitUntil(
      () => this.doc.querySelector("sign-in-form form[data-si-fields] h1"),
      "the hosted form did not render",
      {
        timeout: 8000,
      },
    );
    return new JourneyHarness(this.doc.querySelector("sign-in-form")!);
  }

  async waitForPath(path: string, timeout = 8000): Promise<void> {
    await waitUntil(
      () => {
        try {
          return this.path() === path && this.doc.readyState === "complete";
        } catch {
          return false; // between two documents
        }
      },
      `the page never reached ${path} (it is on ${this.safePath()})`,
      { timeout },
    );
  }

  safePath(): string {
    try {
      return this.path();
    } catch {
      return "(unreadable)";
    }
  }

  /** Reloads the page and resolves once the new document has loaded. */
  async reload(): Promise<void> {
    const loaded = new Promise((resolve) =>
      this.frame.addEventListener("load", resolve, { once: true }),
    );
    this.window.location.reload();
    await loaded;
  }

  /** Types into a field of the page with real key presses. */
  async type(selector: string, text: string): Promise<void> {
    const input = this.doc.querySelector<HTMLInputElement>(selector);
    if (!input) throw new Error(`no ${selector} on the page`);
    input.focus();
    input.select();
    await sendKeys({ type: text });
  }
}
