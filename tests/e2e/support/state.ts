import { readFileSync } from 'node:fs';

/** Environment variable through which global setup hands the state file to the test workers. */
export const STATE_ENV = 'BALAI_E2E_STATE';

export interface Account {
  id: number;
  username: string;
  password: string;
}

/** What global setup prepared: a running server on a throwaway database, and the accounts made with the CLI. */
export interface E2eState {
  baseURL: string;
  dataDir: string;
  serverPid: number;
  accounts: {
    /** admin-kabupaten on 33.17 (Kabupaten Rembang) */
    admin: Account;
    /** operator-desa on 33.17.09.2001 (Meteseh, Kaliori), the one desa active from the start */
    operator: Account;
    /** sekretaris-desa on 33.17.09.2001: approves letters at the first step */
    sekdes: Account;
    /** kepala-desa on 33.17.09.2001: approves letters at the last step, which numbers and signs them */
    kades: Account;
  };
}

export type AccountName = keyof E2eState['accounts'];

export function readState(): E2eState {
  const file = process.env[STATE_ENV];
  if (!file) {
    throw new Error(`${STATE_ENV} is not set: run the browser tests with \`npx playwright test\` (global setup).`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as E2eState;
}
