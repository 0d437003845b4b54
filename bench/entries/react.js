// An app on the React bindings: the provider and the hooks it uses.
import { PhoneProvider, useCallTimer, useIncomingCalls, usePhone, useRegistration, useSession } from '@webphone/react';

globalThis.__keep = [PhoneProvider, usePhone, useSession, useIncomingCalls, useRegistration, useCallTimer];
