import 'logto-sign-in-kit/define';
import type {} from 'logto-sign-in-kit/react-jsx'; // types <sign-in-form> and its onsi-* handlers

export function SignIn({ appId }: { appId: string }) {
  return (
    <sign-in-form
      app-id={appId}
      screen="sign-in"
      onsi-success={(event) => console.info('Signed in; going to', event.detail.redirectTo)}
    />
  );
}
