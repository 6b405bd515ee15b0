// The clients' persisted queries and retry rule against a fake gateway: `npm test`.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, test } from 'node:test';

import { apolloClient } from './apollo';
import { MeDocument } from './generated/graphql';
import { PersistedQueryTraffic, withPersistedSource } from './persisted';
import { MAX_ATTEMPTS } from './retry';
import { urqlClient } from './urql';

const ME = { me: { __typename: 'UserProfile', username: 'someone', userAttributes: [] } };

/**
 * A gateway that speaks automatic persisted queries (an unknown hash is a miss, the document then sent makes it
 * known) and answers each execution with the next scripted answer; it notes when each execution came.
 */
async function fakeGateway(...answers: object[]) {
  const known = new Set<string>();
  const executions: number[] = [];
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk));
    request.on('end', () => {
      const body = JSON.parse(text) as { query?: string; extensions?: { persistedQuery?: { sha256Hash: string } } };
      const hash = body.extensions?.persistedQuery?.sha256Hash ?? '';
      let answer: object;
      if (body.query === undefined && !known.has(hash)) {
        answer = { errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] };
      } else {
        known.add(hash);
        executions.push(Date.now());
        answer = answers.shift() ?? { errors: [{ message: 'no answer left', extensions: { retryable: false } }] };
      }
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  after(() => server.close());
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, executions };
}

const rateLimited = (retryAfterMs?: number) => ({
  data: null,
  errors: [{ message: 'Rate limited', extensions: { code: 'RATE_LIMITED', retryable: true, retryAfterMs } }],
});
const notRetryable = { data: null, errors: [{ message: 'Outcome unknown', extensions: { retryable: false } }] };

const clients = {
  apollo: async (url: string) => {
    const { data } = await apolloClient(url, 'token', new PersistedQueryTraffic()).query({ query: MeDocument });
    return data;
  },
  urql: async (url: string) => {
    const result = await urqlClient(url, 'token', new PersistedQueryTraffic())
      .query(withPersistedSource(MeDocument), {}).toPromise();
    if (result.error) {
      throw result.error;
    }
    return result.data;
  },
};

for (const [name, run] of Object.entries(clients)) {
  test(`${name}: a retryable error is retried after retryAfterMs`, async () => {
    const gateway = await fakeGateway(rateLimited(300), { data: ME });

    assert.equal((await run(gateway.url))?.me.username, ME.me.username);
    assert.equal(gateway.executions.length, 2);
    assert.ok(gateway.executions[1] - gateway.executions[0] >= 300, 'retried before retryAfterMs');
  });

  test(`${name}: a retryable error is retried ${MAX_ATTEMPTS} times in all`, async () => {
    const gateway = await fakeGateway(rateLimited(), rateLimited(), rateLimited(), { data: ME });

    await assert.rejects(run(gateway.url), /Rate limited/);
    assert.equal(gateway.executions.length, MAX_ATTEMPTS);
  });

  test(`${name}: an error that is not retryable is not retried`, async () => {
    const gateway = await fakeGateway(notRetryable, { data: ME });

    await assert.rejects(run(gateway.url), /Outcome unknown/);
    assert.equal(gateway.executions.length, 1);
  });
}
