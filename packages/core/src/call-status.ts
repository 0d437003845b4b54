/** Caller details that may be filled by `resolveContact` or set by the app. */
export interface StaticCallStatus {
  name: string;
  avatar: string;
  company: string;
}
