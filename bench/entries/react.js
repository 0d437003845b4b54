import * as hooks from '@webphone/react';

globalThis.__keep = [hooks];
