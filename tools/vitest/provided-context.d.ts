import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** WebSocket URL of the Kamailio started for this test run. */
    sipServerUrl: string;
    /** SIP domain of that server. */
    sipDomain: string;
  }
}
