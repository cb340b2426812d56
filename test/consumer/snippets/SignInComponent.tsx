import { SignInForm } from 'logto-sign-in-kit/react';

export function SignIn({ appId }: { appId: string }) {
  return <SignInForm appId={appId} screen="sign-in" onSiError={(event) => console.warn(event.detail.code)} />;
}
