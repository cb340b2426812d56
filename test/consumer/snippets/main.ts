import 'logto-sign-in-kit/define';

const form = document.querySelector('sign-in-form'); // a SignInForm
form?.addEventListener('si-success', (event) => {
  console.info('Signed in; the form now goes to', event.detail.redirectTo);
});
