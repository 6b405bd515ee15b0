import { Client, fetchExchange, makeOperation } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';
import { retryExchange } from '@urql/exchange-retry';

import { sha256Hex, type PersistedQueryTraffic } from './persisted';
import { MAX_ATTEMPTS, retryDelayMs } from './retry';

/**
 * urql for one caller, as Apollo Client: retries by the gateway's rule, automatic persisted queries (mutations
 * too, always POST), HTTP with the caller's access token. Give it documents from `withPersistedSource`.
 */
export function urqlClient(gatewayUrl: string, accessToken: string, traffic: PersistedQueryTraffic) {
  return new Client({
    url: gatewayUrl,
    fetch: traffic.fetch,
    fetchOptions: { headers: { Authorization: `Bearer ${accessToken}` } },
    preferGetMethod: false,
    requestPolicy: 'network-only',
    exchanges: [
      retryExchange({
        maxNumberAttempts: MAX_ATTEMPTS,
        maxDelayMs: 60_000,
        retryWith: (error, operation) => {
          const retry = operation.context.retry ?? { count: 0, delay: null };
          const delay = retryDelayMs(error.graphQLErrors, retry.count + 1);
          if (delay === null) {
            return null;
          }
          // retryExchange waits 1.5 to 2.5 times the delay it holds: so it waits at least this one.
          const context = { ...operation.context, retry: { ...retry, delay: delay / 1.5 } };
          return makeOperation(operation.kind, operation, context);
        },
      }),
      persistedExchange({
        enableForMutation: true,
        preferGetForPersistedQueries: false,
        generateHash: async (query) => sha256Hex(query),
      }),
      fetchExchange,
    ],
  });
}
