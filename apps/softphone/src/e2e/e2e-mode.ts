/** True when the page was opened in end-to-end test mode (`?e2e=1`). */
export function isE2EMode(search: string = window.location.search): boolean {
  return new URLSearchParams(search).get('e2e') === '1';
}
