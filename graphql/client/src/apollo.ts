import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { RetryLink } from '@apollo/client/link/retry';
import type { DocumentNode } from 'graphql';
import { map } from 'rxjs';

import { persistedText, sha256Hex, type PersistedQueryTraffic } from './persisted';
import { MAX_ATTEMPTS, retryDelayMs } from './retry';

/**
 * Apollo Client for one caller: retries by the gateway's rule, then automatic persisted queries (hash first, the
 * document only when the gateway does not know it), then HTTP with the caller's access token.
 */
export function apolloClient(gatewayUrl: string, accessToken: string, traffic: PersistedQueryTraffic) {
  const retry = new RetryLink({
    attempts: (attempt, _operation, error) =>
      attempt < MAX_ATTEMPTS && CombinedGraphQLErrors.is(error) && retryDelayMs(error.errors, attempt) !== null,
    delay: (attempt, _operation, error) =>
      (CombinedGraphQLErrors.is(error) && retryDelayMs(error.errors, attempt)) || 0,
  });
  // RetryLink sees failures only, and a GraphQL error arrives as a result: a retryable one is made a failure here.
  const retryableAsFailure = new ApolloLink((operation, forward) => forward(operation).pipe(map((result) => {
    if ('errors' in result && retryDelayMs(result.errors, 1) !== null) {
      throw new CombinedGraphQLErrors(result);
    }
    return result;
  })));
  const persisted = new PersistedQueryLink({ generateHash: (document) => sha256Hex(persistedText(document)) });
  const http = new HttpLink({
    uri: gatewayUrl,
    headers: { Authorization: `Bearer ${accessToken}` },
    fetch: traffic.fetch,
    print: (document) => persistedText(document as DocumentNode),
  });
  return new ApolloClient({
    link: ApolloLink.from([retry, retryableAsFailure, persisted, http]),
    cache: new InMemoryCache(),
    defaultOptions: { query: { fetchPolicy: 'network-only' } },
  });
}
