import { Softphone } from '@webphone/ui';

globalThis.__keep = [Softphone];
