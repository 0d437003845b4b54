import { ConnectedDevicePicker } from '@webphone/ui';
import { CallHistory } from '../history/CallHistory';
import { useDemoPhone } from '../phone/demo-context';
import { QualityPanel } from '../quality/QualityPanel';
import { PhonePanel } from './PhonePanel';
import { RegistrationPanel } from './RegistrationPanel';
import { SecondPhoneLink } from './SecondPhoneLink';

/** Props of {@link PhoneScreen}. */
export interface PhoneScreenProps {
  onSignOut: () => void;
}

/** The signed-in demo: account bar, the phone, and the quality, devices and history panels. */
export function PhoneScreen({ onSignOut }: PhoneScreenProps) {
  const { settings } = useDemoPhone();
  return (
    <>
      <section className="demo-account" aria-label="Account">
        <div className="demo-account__who">
          <strong>{settings.displayName || settings.extension}</strong>
          <span className="demo-muted">
            {settings.extension}@{settings.domain}
          </span>
        </div>
        <RegistrationPanel />
        <div className="demo-account__actions">
          <SecondPhoneLink />
          <button type="button" className="wp-button wp-button--small" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </section>
      <div className="demo-grid">
        <section className="demo-grid__phone" aria-label="Phone">
          <PhonePanel />
        </section>
        <div className="demo-grid__side">
          <QualityPanel />
          <CallHistory />
          <ConnectedDevicePicker kinds={['microphone', 'speaker', 'ringer']} className="demo-devices" />
        </div>
      </div>
    </>
  );
}
