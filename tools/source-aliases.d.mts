/** Vite aliases from each `@webphone/*` import to the package's TypeScript source. */
export declare const SOURCE_ALIASES: readonly { find: RegExp; replacement: string }[];
