/**
 * The runner's settings, from the environment: the names of the `tokens.env` file that dev mode writes, so that
 * `source target/dev/tokens.env` is all it needs.
 */
export interface Settings {
  /** The gateway's GraphQL endpoint: GATEWAY_URL (its address, e.g. http://localhost:8080) and /graphql. */
  gatewayUrl: string;
  /** The user who runs the self-service examples (and whom the admin examples read and change). */
  user: Caller;
  /** A member of an admin group, who runs the admin examples. */
  admin: Caller;
  /** The file where the emulator writes the verification codes it "sends". */
  codesLog: string;
  /** The address the email change moves the user to. */
  newEmail: string;
}

/** An access token, or what signs one in with USER_PASSWORD_AUTH on the app client. */
export type Caller =
  | { role: string; token: string }
  | { role: string; cognitoEndpoint: string; clientId: string; username: string; password: string };

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const missing: string[] = [];
  const required = (name: string): string => {
    const value = env[name];
    if (!value) {
      missing.push(name);
    }
    return value ?? '';
  };
  const caller = (prefix: string, role: string, defaultUsername: string): Caller => {
    const token = env[`${prefix}_TOKEN`];
    if (token) {
      return { role, token };
    }
    return {
      role,
      cognitoEndpoint: required('COGNITO_ENDPOINT'),
      clientId: required('CLIENT_ID'),
      username: env[`${prefix}_USERNAME`] || defaultUsername,
      password: env[`${prefix}_PASSWORD`] || required('DEMO_PASSWORD'),
    };
  };
  const settings: Settings = {
    gatewayUrl: `${required('GATEWAY_URL').replace(/\/+$/, '')}/graphql`,
    user: caller('ALICE', 'user', 'alice'),
    admin: caller('ADMIN', 'admin', 'admin'),
    codesLog: required('CODES_LOG'),
    newEmail: env.NEW_EMAIL || `user-${crypto.randomUUID().slice(0, 8)}@example.com`,
  };
  if (missing.length > 0) {
    throw new Error(`missing settings: ${[...new Set(missing)].join(', ')} (see graphql/client/README.md)`);
  }
  return settings;
}
