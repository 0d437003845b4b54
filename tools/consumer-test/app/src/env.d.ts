// What a bundler-based app declares for its stylesheet imports.
declare module '*.css';
