// An app that drops in the softphone: <PhoneProvider config={…}><Softphone /></PhoneProvider>.
import { PhoneProvider } from '@webphone/react';
import { Softphone } from '@webphone/ui';

globalThis.__keep = [PhoneProvider, Softphone];
