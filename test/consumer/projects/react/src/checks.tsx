// What the README's React snippets must not get away with: typings loose enough to accept these
// fail the consumer test, because each @ts-expect-error below then has no error to expect.
import 'logto-sign-in-kit/define';
import type {} from 'logto-sign-in-kit/react-jsx';
import { QrSignIn, SignInForm as SignInFormComponent, SocialButtons } from 'logto-sign-in-kit/react';
import type { SignInForm, SiSuccessEvent } from 'logto-sign-in-kit';
import { useRef } from 'react';

export function Checks() {
  const form = useRef<SignInForm>(null);
  return (
    <>
      <sign-in-form
        ref={form}
        app-id="app"
        api-base="https://auth.example.com"
        organization-id="org"
        login-hint="alice"
        identifier="email phone"
        captcha-script="/captcha/{provider}.js"
        theme="dark"
        screen="forgot-password"
        onsi-success={(event: SiSuccessEvent) => console.info(event.detail.redirectTo.length)}
        onsi-error={(event) => console.warn(event.detail.code, event.detail.message)}
        onsi-step-change={(event) => console.info(event.detail.step, event.detail.path)}
      />
      {/* @ts-expect-error -- not a screen */}
      <sign-in-form screen="sign-inn" />
      {/* @ts-expect-error -- not a theme */}
      <sign-in-form theme="blue" />
      {/* @ts-expect-error -- app-id is a string */}
      <sign-in-form app-id={42} />
      {/* @ts-expect-error -- si-success is no keyboard event */}
      <sign-in-form onsi-success={(event: KeyboardEvent) => console.info(event.key)} />
      {/* @ts-expect-error -- si-error's detail has no redirectTo */}
      <sign-in-form onsi-error={(event) => console.info(event.detail.redirectTo)} />
      <social-buttons dark onsi-provider-select={(event) => console.info(event.detail.connectorId, event.detail.target)} />
      <qr-sign-in src="https://open.weixin.qq.com/" status="ready" onsi-qr-status={(event) => console.info(event.detail.status)} />
      {/* @ts-expect-error -- not a QR status */}
      <qr-sign-in status="scanned" />

      <SignInFormComponent appId="app" screen="register" onSiSuccess={(event) => console.info(event.detail.redirectTo)} />
      {/* @ts-expect-error -- not a screen */}
      <SignInFormComponent screen="sign-inn" />
      {/* @ts-expect-error -- si-error's detail has no redirectTo */}
      <SignInFormComponent onSiError={(event) => console.info(event.detail.redirectTo)} />
      <SocialButtons onSiProviderSelect={(event) => console.info(event.detail.connectorId)} />
      <QrSignIn onSiQrRefresh={(event) => console.info(event.type)} />
    </>
  );
}
