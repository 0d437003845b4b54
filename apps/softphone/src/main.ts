import { PhoneOperator } from '@webphone/core';

/**
 * Registers one test user against the local SIP server and shows the state.
 * `?ext=1002` picks another test user.
 */
const params = new URLSearchParams(location.search);
const extension = params.get('ext') ?? '1001';
const server = params.get('server') ?? (import.meta.env.VITE_SIP_SERVER as string | undefined) ?? 'ws://127.0.0.1:5066';

const phone = new PhoneOperator({ server, domain: 'webphone.test', extension, password: `secret${extension}` });
const status = document.getElementById('status')!;

phone.store.subscribe((state) => {
  const { registration } = state;
  status.textContent =
    registration.status === 'failed'
      ? `failed (${registration.error.message})`
      : registration.status === 'registered'
        ? `registered as ${registration.aor}`
        : `${registration.status} (transport ${state.transport}, attempt ${state.reconnect.attempt})`;
});
phone.start();
