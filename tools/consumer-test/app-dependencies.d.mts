/** Exact versions an app installs besides the tarballs (`dependencies`) and what pins their dependencies (`overrides`). */
export interface AppDependencies {
  dependencies: Record<string, string>;
  overrides: Record<string, string>;
}
/** The React 19 app's and the React 18 app's dependencies. */
export declare function appDependencies(): { react19: AppDependencies; react18: AppDependencies };
/** Every `name@version` the apps install, for `npm cache add`. */
export declare function cacheSpecs(): string[];
