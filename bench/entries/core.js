import { PhoneOperator } from '@webphone/core';

globalThis.__keep = [PhoneOperator];
