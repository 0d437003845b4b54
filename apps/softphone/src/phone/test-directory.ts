import type { StaticCallStatus } from '@webphone/react';

/** Names of the local SIP server's test users (tools/sip-server: 1001–1012), so calls show people, not numbers. */
export const TEST_DIRECTORY: Readonly<Record<string, string>> = {
  '1001': 'Ada Lovelace',
  '1002': 'Grace Hopper',
  '1003': 'Alan Turing',
  '1004': 'Katherine Johnson',
  '1005': 'Edsger Dijkstra',
  '1006': 'Barbara Liskov',
  '1007': 'Donald Knuth',
  '1008': 'Frances Allen',
  '1009': 'Dennis Ritchie',
  '1010': 'Radia Perlman',
  '1011': 'Margaret Hamilton',
  '1012': 'Ken Thompson',
};

/**
 * A `resolveContact` for the test directory: the name of a test user, by
 * number or by `sip:1002@webphone.test` address; nothing for anyone else.
 */
export async function lookUpTestUser(number: string): Promise<Partial<StaticCallStatus>> {
  const user = /^(?:sips?:)?(\d{4})(?:@|$)/.exec(number)?.[1];
  const name = user === undefined ? undefined : TEST_DIRECTORY[user];
  return name ? { name, company: 'webphone test users' } : {};
}
