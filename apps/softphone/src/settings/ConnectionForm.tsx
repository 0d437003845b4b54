import { useId, useState, type FormEvent } from 'react';
import type { PhoneSettings } from './settings';

/** Props of {@link ConnectionForm}. */
export interface ConnectionFormProps {
  /** The values to start with (URL, saved settings, local-server defaults). */
  initial: PhoneSettings;
  /** Called with the edited settings when the user signs in. */
  onSubmit: (settings: PhoneSettings) => void;
  /** A problem from the last attempt (an invalid field, for example). */
  error?: { message: string; field?: string } | null;
}

/**
 * The sign-in form: server URL, extension, password or HA1, display name,
 * and (under "Advanced") SIP domain and DTMF method.
 *
 * @remarks
 * The password is stored only when "Remember password" is ticked; the other
 * fields are always remembered.
 */
export function ConnectionForm({ initial, onSubmit, error = null }: ConnectionFormProps) {
  const id = useId();
  const [values, setValues] = useState<PhoneSettings>(initial);
  const set = <K extends keyof PhoneSettings>(key: K, value: PhoneSettings[K]) => setValues((v) => ({ ...v, [key]: value }));
  const invalid = (field: string) => (error?.field === field ? true : undefined);
  const secretLabel = values.credentialType === 'ha1' ? 'HA1' : 'Password';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };

  return (
    <form className="demo-card demo-signin" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h2 id={`${id}-title`} className="demo-card__title">
        Sign in to your phone system
      </h2>
      <p className="demo-muted">
        Pre-filled for the local test server of <code>npm run demo</code>: users 1001–1010, password secret&lt;ext&gt;.
      </p>
      <label className="demo-field">
        <span>Server URL</span>
        <input
          type="text"
          inputMode="url"
          aria-describedby={`${id}-servers`}
          required
          value={values.server}
          aria-invalid={invalid('server')}
          onChange={(e) => set('server', e.target.value)}
          placeholder="wss://pbx.example.com:8089/ws"
        />
        <small id={`${id}-servers`} className="demo-muted">
          A cluster: several URLs separated by spaces, preferred first.
        </small>
      </label>
      <div className="demo-row">
        <label className="demo-field">
          <span>Extension</span>
          <input
            required
            autoComplete="username"
            value={values.extension}
            aria-invalid={invalid('extension')}
            onChange={(e) => set('extension', e.target.value)}
          />
        </label>
        <label className="demo-field">
          <span>Display name</span>
          <input value={values.displayName} aria-invalid={invalid('displayName')} onChange={(e) => set('displayName', e.target.value)} />
        </label>
      </div>
      <fieldset className="demo-segmented">
        <legend>Credential</legend>
        <label>
          <input type="radio" name={`${id}-credential`} checked={values.credentialType === 'password'} onChange={() => set('credentialType', 'password')} />
          Plain password
        </label>
        <label>
          <input type="radio" name={`${id}-credential`} checked={values.credentialType === 'ha1'} onChange={() => set('credentialType', 'ha1')} />
          HA1 hash
        </label>
      </fieldset>
      <label className="demo-field">
        <span>{secretLabel}</span>
        <input
          type="password"
          autoComplete="current-password"
          value={values.secret}
          aria-invalid={invalid('password') ?? invalid('ha1')}
          aria-describedby={values.credentialType === 'ha1' ? `${id}-ha1-help` : undefined}
          onChange={(e) => set('secret', e.target.value)}
        />
      </label>
      {values.credentialType === 'ha1' && (
        <p id={`${id}-ha1-help`} className="demo-help">
          MD5 of <code>extension:domain:password</code>, 32 hex digits: the phone never holds the password itself.
        </p>
      )}
      <label className="demo-check">
        <input type="checkbox" checked={values.remember} onChange={(e) => set('remember', e.target.checked)} />
        Remember {secretLabel === 'HA1' ? 'HA1' : 'password'} on this device
      </label>
      <details className="demo-advanced">
        <summary>Advanced</summary>
        <div className="demo-row">
          <label className="demo-field">
            <span>SIP domain</span>
            <input value={values.domain} aria-invalid={invalid('domain')} onChange={(e) => set('domain', e.target.value)} />
          </label>
          <label className="demo-field">
            <span>DTMF method</span>
            <select value={values.dtmfMethod} onChange={(e) => set('dtmfMethod', e.target.value === 'info' ? 'info' : 'rfc4733')}>
              <option value="rfc4733">RFC 4733 (in the audio)</option>
              <option value="info">SIP INFO</option>
            </select>
          </label>
        </div>
      </details>
      {error && (
        <p className="demo-error" role="alert">
          {error.message}
        </p>
      )}
      <button type="submit" className="wp-button wp-button--primary demo-signin__submit">
        Sign in
      </button>
    </form>
  );
}
