import { createPhone, type PhoneApi, type PhoneConfig } from '@webphone/react';
import { isE2EMode } from '../e2e/e2e-mode';
import { createCallHistory, type CallHistory } from '../history/call-history';
import { createQualitySeries, type QualitySeries } from '../quality/quality-series';
import { LOCAL_DOMAIN, type PhoneSettings } from '../settings/settings';
import { createFarEndSignals, type FarEndSignals } from './far-end-signals';
import { lookUpTestUser } from './test-directory';

/** The phone of a signed-in session and the demo's stores that follow it. */
export interface DemoPhone {
  readonly phone: PhoneApi;
  readonly settings: PhoneSettings;
  readonly history: CallHistory;
  readonly quality: QualitySeries;
  readonly signals: FarEndSignals;
  /** Ends every call, unregisters and stops the stores. */
  destroy(): void;
}

/** The servers the form names: one URL, or several separated by spaces or commas (the nodes of a cluster, preferred first). */
export function serversOf(field: string): string | string[] {
  const servers = field.split(/[\s,]+/).filter(Boolean);
  return servers.length > 1 ? servers : field.trim();
}

/** The core's config for the form's settings. */
export function phoneConfigFor(settings: PhoneSettings): PhoneConfig {
  const credential = settings.credentialType === 'ha1' ? { ha1: settings.secret.trim() } : { password: settings.secret };
  return {
    server: serversOf(settings.server),
    domain: settings.domain.trim() || undefined,
    extension: settings.extension.trim(),
    ...credential,
    displayName: settings.displayName.trim() || undefined,
    dtmfMethod: settings.dtmfMethod,
    // Names for the local server's test users; a real PBX would have a directory to ask.
    resolveContact: settings.domain.trim() === LOCAL_DOMAIN ? lookUpTestUser : undefined,
    // No STUN/TURN: the demo talks to a local server (and the e2e tests run with loopback only).
    iceServers: [],
    // The e2e tests keep each browser's console for failure reports: make it tell the SIP story.
    logLevel: isE2EMode() ? 'info' : 'warn',
  };
}

/**
 * Creates the phone for `settings` (not started yet: the provider starts it)
 * with call history, quality series and far-end signals attached.
 *
 * @throws PhoneConfigError when a field is invalid; `error.field` names it.
 */
export function createDemoPhone(settings: PhoneSettings): DemoPhone {
  const phone: PhoneApi = createPhone(phoneConfigFor(settings));
  const history = createCallHistory(phone, `${settings.extension.trim()}@${settings.domain.trim()}`);
  const quality = createQualitySeries(phone);
  const signals = createFarEndSignals(phone);
  // Test mode: the end-to-end tests may drive the core directly (video switching, consent).
  if (window.__webphoneE2E) window.__webphoneE2E.phone = phone;
  return {
    phone,
    settings,
    history,
    quality,
    signals,
    destroy: () => {
      phone.destroy();
      history.dispose();
      quality.dispose();
      signals.dispose();
    },
  };
}
