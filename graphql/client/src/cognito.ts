import type { Caller } from './settings';

/** The caller's access token: the one given, or a USER_PASSWORD_AUTH sign-in on the app client (no client secret). */
export async function accessToken(caller: Caller): Promise<string> {
  if ('token' in caller) {
    return caller.token;
  }
  const response = await fetch(caller.cognitoEndpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
    },
    body: JSON.stringify({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: caller.clientId,
      AuthParameters: { USERNAME: caller.username, PASSWORD: caller.password },
    }),
  });
  const answer = (await response.json()) as {
    __type?: string;
    AuthenticationResult?: { AccessToken?: string };
  };
  const token = answer.AuthenticationResult?.AccessToken;
  if (!response.ok || !token) {
    const reason = answer.__type ?? 'without a token';
    throw new Error(`the ${caller.role} could not sign in: HTTP ${response.status} ${reason}`);
  }
  return token;
}
