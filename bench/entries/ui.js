// An app that drops in the softphone: <PhoneProvider config={…}><Softphone /></PhoneProvider>, with its stylesheet.
import { PhoneProvider } from '@webphone/react';
import { Softphone } from '@webphone/ui';
import '@webphone/ui/styles.css';

globalThis.__keep = [PhoneProvider, Softphone];
