import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the built demo is served (http://127.0.0.1:PORT/). */
    demoUrl: string;
    /** WebSocket URL of the Kamailio started for this run. */
    sipServerUrl: string;
  }
}
