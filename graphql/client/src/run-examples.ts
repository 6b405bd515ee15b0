/**
 * Runs every example operation of graphql/operations against a gateway, as a front end would: Apollo Client for
 * all of them, urql for `me` and `updateMyAttributes`, both with automatic persisted queries and the gateway's retry
 * rule; then the whole email change, with the code the emulator wrote to its log. Settings: see settings.ts and
 * the README. Prints one line per step, never a token, a code or an attribute value; exits 1 on the first failure.
 */
import type { ApolloClient, TypedDocumentNode } from '@apollo/client';
import type { Client as UrqlClient } from '@urql/core';
import { parse } from 'graphql';

import { apolloClient } from './apollo';
import { accessToken } from './cognito';
import { VerificationCodes } from './codes';
import { exampleNames, exampleVariables, type Placeholders } from './examples';
import {
  AdminGetUserDocument,
  AdminUpdateUserAttributesDocument,
  AttributeDefinitionsDocument,
  DeleteMyAttributesDocument,
  MeDocument,
  type MeQuery,
  ResendMyAttributeVerificationCodeDocument,
  UpdateMyAttributesDocument,
  type UpdateMyAttributesMutationVariables,
  VerifyMyAttributeDocument,
} from './generated/graphql';
import { PersistedQueryTraffic, withPersistedSource } from './persisted';
import { readSettings } from './settings';
import { urqlClient } from './urql';

type Variables = Record<string, unknown>;

/** One caller's two clients. */
interface Caller {
  role: string;
  apollo: ApolloClient;
  urql: UrqlClient;
}

/** The example operations run with their own variables through Apollo Client. */
const examplesRun = new Set<string>();

async function step<T>(client: string, caller: Caller, label: string, run: () => Promise<T>): Promise<T> {
  try {
    const result = await run();
    console.log(`ok  ${client.padEnd(6)} ${caller.role.padEnd(5)} ${label}`);
    return result;
  } catch (error) {
    throw new Error(`${client} ${caller.role} ${label}: ${describe(error)}`);
  }
}

/** The gateway's error codes and messages (which never carry a token, a code or a value), or the failure's own. */
function describe(error: unknown): string {
  const errors = (error as { errors?: unknown; graphQLErrors?: unknown }).errors
      ?? (error as { graphQLErrors?: unknown }).graphQLErrors;
  if (Array.isArray(errors) && errors.length > 0) {
    return errors.map((e: { message: string; extensions?: { code?: unknown } }) =>
      `${String(e.extensions?.code ?? 'ERROR')} (${e.message})`).join(', ');
  }
  return error instanceof Error ? error.message : String(error);
}

function expect(condition: unknown, failure: string): asserts condition {
  if (!condition) {
    throw new Error(failure);
  }
}

/** An operation through Apollo Client; the data, or the errors thrown. */
async function viaApollo<R, V extends Variables>(caller: Caller, document: TypedDocumentNode<R, V>, variables: V) {
  const isQuery = document.definitions.some((d) => d.kind === 'OperationDefinition' && d.operation === 'query');
  const { data } = isQuery
    ? await caller.apollo.query({ query: document, variables } as ApolloClient.QueryOptions<R, V>)
    : await caller.apollo.mutate({ mutation: document, variables } as ApolloClient.MutateOptions<R, V>);
  expect(data, 'no data');
  return data as R;
}

/** An example operation with its own variables, placeholders filled, through Apollo Client. */
async function example<R, V extends Variables>(caller: Caller, name: string, document: TypedDocumentNode<R, V>,
    placeholders: Placeholders = {}, check: (data: R) => void = () => {}): Promise<R> {
  return step('apollo', caller, name, async () => {
    const data = await viaApollo(caller, document, exampleVariables<V>(name, placeholders));
    check(data);
    examplesRun.add(name);
    return data;
  });
}

/** An operation through urql; the data, or the error thrown. */
async function viaUrql<R, V extends Variables>(caller: Caller, document: TypedDocumentNode<R, V>, variables: V) {
  const persisted = withPersistedSource(document);
  const isQuery = document.definitions.some((d) => d.kind === 'OperationDefinition' && d.operation === 'query');
  const result = isQuery
    ? await caller.urql.query(persisted, variables).toPromise()
    : await caller.urql.mutation(persisted, variables).toPromise();
  if (result.error) {
    throw result.error;
  }
  expect(result.data, 'no data');
  return result.data;
}

function attribute(me: MeQuery, name: string): string | null | undefined {
  return me.me.userAttributes.find((entry) => entry.name === name)?.value;
}

async function main() {
  const settings = readSettings();
  const traffic = new PersistedQueryTraffic();
  const caller = (role: string, token: string): Caller => ({
    role,
    apollo: apolloClient(settings.gatewayUrl, token, traffic),
    urql: urqlClient(settings.gatewayUrl, token, traffic),
  });
  const user = caller('user', await accessToken(settings.user));
  const admin = caller('admin', await accessToken(settings.admin));
  const codes = new VerificationCodes(settings.codesLog);

  // The user's own examples, in an order where each finds what it needs (deleteMyAttributes, the nickname set).
  const { me: { username } } = await example(user, 'me', MeDocument);
  await example(user, 'attributeDefinitions', AttributeDefinitionsDocument, {}, (data) =>
    expect(data.attributeDefinitions.some((definition) => definition.name === 'email' && definition.verifiedByCode),
      'no email verified by code among the definitions'));
  await example(user, 'updateMyAttributes', UpdateMyAttributesDocument);
  await example(user, 'deleteMyAttributes', DeleteMyAttributesDocument, {}, (data) =>
    expect(data.deleteMyAttributes.attributeNames.length > 0, 'nothing deleted'));

  // The admin's examples, on that user.
  await example(admin, 'adminUpdateUserAttributes', AdminUpdateUserAttributesDocument, { username });
  await example(admin, 'adminGetUser', AdminGetUserDocument, { username }, (data) => expect(
    data.adminGetUser.username === username && data.adminGetUser.userAttributes.length > 0, 'not the user asked for'));

  // The same through urql.
  await step('urql', user, 'me', async () =>
    expect((await viaUrql(user, MeDocument, {})).me.username === username, 'another user'));
  await step('urql', user, 'updateMyAttributes', () => viaUrql(user, UpdateMyAttributesDocument,
    exampleVariables<UpdateMyAttributesMutationVariables>('updateMyAttributes')));

  // Documents of the front end's own (with __typename, as Apollo's cache sends them), which no list holds: the
  // gateway answers the hash alone PersistedQueryNotFound, and each client's link sends the document with it.
  type Own = TypedDocumentNode<MeQuery, Variables>;
  const ownApollo = parse('query OwnApollo { __typename me { __typename id username } }') as Own;
  const ownUrql = parse('query OwnUrql { __typename me { __typename id username } }') as Own;
  traffic.expectOwn(ownApollo);
  traffic.expectOwn(ownUrql);
  await step('apollo', user, 'a query the gateway has not seen', async () =>
    expect((await viaApollo(user, ownApollo, {})).me.username === username, 'another user'));
  await step('urql', user, 'a query the gateway has not seen', async () =>
    expect((await viaUrql(user, ownUrql, {})).me.username === username, 'another user'));

  // The email change: a new address, the code sent (and sent again), confirmed with the newest code.
  let sent = (await codes.sentTo(username)).length;
  await step('apollo', user, 'updateMyAttributes (email)', async () => {
    const variables: UpdateMyAttributesMutationVariables = {
      input: { userAttributes: [{ name: 'email', value: settings.newEmail }] },
    };
    const data = await viaApollo(user, UpdateMyAttributesDocument, variables);
    expect(data.updateMyAttributes.codeDeliveryDetailsList.some((delivery) => delivery.attributeName === 'email'
        && delivery.deliveryMedium === 'EMAIL'), 'no code sent by email');
    await codes.nextFor(username, sent);
  });
  sent = (await codes.sentTo(username)).length;
  await example(user, 'resendMyAttributeVerificationCode', ResendMyAttributeVerificationCodeDocument);
  const code = await codes.nextFor(username, sent);
  await example(user, 'verifyMyAttribute', VerifyMyAttributeDocument, { code }, (data) =>
    expect(data.verifyMyAttribute.verified, 'not verified'));
  await step('apollo', user, 'me (the new email, verified)', async () => {
    const data = await viaApollo(user, MeDocument, {});
    expect(attribute(data, 'email') === settings.newEmail, 'not the new email');
    expect(attribute(data, 'email_verified') === 'true', 'the new email is not verified');
  });

  const notRun = exampleNames().filter((name) => !examplesRun.has(name));
  expect(notRun.length === 0, `no step runs the example ${notRun.join(', ')}: add it to src/run-examples.ts`);
  console.log(traffic.summary());
  console.log(`every example ran: ${examplesRun.size} operations`);
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(`FAILED ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

