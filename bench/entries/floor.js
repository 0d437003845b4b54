// The floor: what any softphone on sip.js + zustand ships at least.
import { Inviter, Registerer, UserAgent } from 'sip.js';
import { defaultSessionDescriptionHandlerFactory } from 'sip.js/lib/platform/web/session-description-handler/session-description-handler-factory-default.js';
import { createStore } from 'zustand/vanilla';

globalThis.__keep = [UserAgent, Registerer, Inviter, defaultSessionDescriptionHandlerFactory, createStore];
