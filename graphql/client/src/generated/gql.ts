/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query AdminGetUser($userPoolId: String, $username: String!) {\n  adminGetUser(userPoolId: $userPoolId, username: $username) {\n    id\n    username\n    email\n    emailVerified\n    enabled\n    userStatus\n    userAttributes {\n      name\n      value\n    }\n  }\n}": typeof types.AdminGetUserDocument,
    "mutation AdminUpdateUserAttributes($input: AdminUpdateUserAttributesInput!) {\n  adminUpdateUserAttributes(input: $input) {\n    userPoolId\n    username\n    attributeNames\n    attributeOutcomes {\n      name\n      status\n    }\n    profile {\n      id\n      email\n      emailVerified\n      userAttributes {\n        name\n        value\n      }\n    }\n  }\n}": typeof types.AdminUpdateUserAttributesDocument,
    "query AttributeDefinitions {\n  attributeDefinitions {\n    name\n    type\n    required\n    mutable\n    writable\n    verifiedByCode\n    keptUntilVerified\n    minLength\n    maxLength\n  }\n}": typeof types.AttributeDefinitionsDocument,
    "mutation DeleteMyAttributes($input: DeleteMyAttributesInput!) {\n  deleteMyAttributes(input: $input) {\n    attributeNames\n    profile {\n      id\n      userAttributes {\n        name\n        value\n      }\n    }\n  }\n}": typeof types.DeleteMyAttributesDocument,
    "query Me {\n  me {\n    id\n    username\n    email\n    emailVerified\n    phoneNumber\n    phoneNumberVerified\n    userAttributes {\n      name\n      value\n    }\n  }\n}": typeof types.MeDocument,
    "mutation ResendMyAttributeVerificationCode($input: ResendMyAttributeVerificationCodeInput!) {\n  resendMyAttributeVerificationCode(input: $input) {\n    attributeName\n    deliveryMedium\n    destination\n  }\n}": typeof types.ResendMyAttributeVerificationCodeDocument,
    "mutation UpdateMyAttributes($input: UpdateMyAttributesInput!) {\n  updateMyAttributes(input: $input) {\n    codeDeliveryDetailsList {\n      attributeName\n      deliveryMedium\n      destination\n    }\n    attributeOutcomes {\n      name\n      status\n    }\n  }\n}": typeof types.UpdateMyAttributesDocument,
    "mutation VerifyMyAttribute($input: VerifyMyAttributeInput!) {\n  verifyMyAttribute(input: $input) {\n    attributeName\n    verified\n    profile {\n      id\n      email\n      emailVerified\n      phoneNumber\n      phoneNumberVerified\n    }\n  }\n}": typeof types.VerifyMyAttributeDocument,
};
const documents: Documents = {
    "query AdminGetUser($userPoolId: String, $username: String!) {\n  adminGetUser(userPoolId: $userPoolId, username: $username) {\n    id\n    username\n    email\n    emailVerified\n    enabled\n    userStatus\n    userAttributes {\n      name\n      value\n    }\n  }\n}": types.AdminGetUserDocument,
    "mutation AdminUpdateUserAttributes($input: AdminUpdateUserAttributesInput!) {\n  adminUpdateUserAttributes(input: $input) {\n    userPoolId\n    username\n    attributeNames\n    attributeOutcomes {\n      name\n      status\n    }\n    profile {\n      id\n      email\n      emailVerified\n      userAttributes {\n        name\n        value\n      }\n    }\n  }\n}": types.AdminUpdateUserAttributesDocument,
    "query AttributeDefinitions {\n  attributeDefinitions {\n    name\n    type\n    required\n    mutable\n    writable\n    verifiedByCode\n    keptUntilVerified\n    minLength\n    maxLength\n  }\n}": types.AttributeDefinitionsDocument,
    "mutation DeleteMyAttributes($input: DeleteMyAttributesInput!) {\n  deleteMyAttributes(input: $input) {\n    attributeNames\n    profile {\n      id\n      userAttributes {\n        name\n        value\n      }\n    }\n  }\n}": types.DeleteMyAttributesDocument,
    "query Me {\n  me {\n    id\n    username\n    email\n    emailVerified\n    phoneNumber\n    phoneNumberVerified\n    userAttributes {\n      name\n      value\n    }\n  }\n}": types.MeDocument,
    "mutation ResendMyAttributeVerificationCode($input: ResendMyAttributeVerificationCodeInput!) {\n  resendMyAttributeVerificationCode(input: $input) {\n    attributeName\n    deliveryMedium\n    destination\n  }\n}": types.ResendMyAttributeVerificationCodeDocument,
    "mutation UpdateMyAttributes($input: UpdateMyAttributesInput!) {\n  updateMyAttributes(input: $input) {\n    codeDeliveryDetailsList {\n      attributeName\n      deliveryMedium\n      destination\n    }\n    attributeOutcomes {\n      name\n      status\n    }\n  }\n}": types.UpdateMyAttributesDocument,
    "mutation VerifyMyAttribute($input: VerifyMyAttributeInput!) {\n  verifyMyAttribute(input: $input) {\n    attributeName\n    verified\n    profile {\n      id\n      email\n      emailVerified\n      phoneNumber\n      phoneNumberVerified\n    }\n  }\n}": types.VerifyMyAttributeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AdminGetUser($userPoolId: String, $username: String!) {\n  adminGetUser(userPoolId: $userPoolId, username: $username) {\n    id\n    username\n    email\n    emailVerified\n    enabled\n    userStatus\n    userAttributes {\n      name\n      value\n    }\n  }\n}"): (typeof documents)["query AdminGetUser($userPoolId: String, $username: String!) {\n  adminGetUser(userPoolId: $userPoolId, username: $username) {\n    id\n    username\n    email\n    emailVerified\n    enabled\n    userStatus\n    userAttributes {\n      name\n      value\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AdminUpdateUserAttributes($input: AdminUpdateUserAttributesInput!) {\n  adminUpdateUserAttributes(input: $input) {\n    userPoolId\n    username\n    attributeNames\n    attributeOutcomes {\n      name\n      status\n    }\n    profile {\n      id\n      email\n      emailVerified\n      userAttributes {\n        name\n        value\n      }\n    }\n  }\n}"): (typeof documents)["mutation AdminUpdateUserAttributes($input: AdminUpdateUserAttributesInput!) {\n  adminUpdateUserAttributes(input: $input) {\n    userPoolId\n    username\n    attributeNames\n    attributeOutcomes {\n      name\n      status\n    }\n    profile {\n      id\n      email\n      emailVerified\n      userAttributes {\n        name\n        value\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AttributeDefinitions {\n  attributeDefinitions {\n    name\n    type\n    required\n    mutable\n    writable\n    verifiedByCode\n    keptUntilVerified\n    minLength\n    maxLength\n  }\n}"): (typeof documents)["query AttributeDefinitions {\n  attributeDefinitions {\n    name\n    type\n    required\n    mutable\n    writable\n    verifiedByCode\n    keptUntilVerified\n    minLength\n    maxLength\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteMyAttributes($input: DeleteMyAttributesInput!) {\n  deleteMyAttributes(input: $input) {\n    attributeNames\n    profile {\n      id\n      userAttributes {\n        name\n        value\n      }\n    }\n  }\n}"): (typeof documents)["mutation DeleteMyAttributes($input: DeleteMyAttributesInput!) {\n  deleteMyAttributes(input: $input) {\n    attributeNames\n    profile {\n      id\n      userAttributes {\n        name\n        value\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Me {\n  me {\n    id\n    username\n    email\n    emailVerified\n    phoneNumber\n    phoneNumberVerified\n    userAttributes {\n      name\n      value\n    }\n  }\n}"): (typeof documents)["query Me {\n  me {\n    id\n    username\n    email\n    emailVerified\n    phoneNumber\n    phoneNumberVerified\n    userAttributes {\n      name\n      value\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResendMyAttributeVerificationCode($input: ResendMyAttributeVerificationCodeInput!) {\n  resendMyAttributeVerificationCode(input: $input) {\n    attributeName\n    deliveryMedium\n    destination\n  }\n}"): (typeof documents)["mutation ResendMyAttributeVerificationCode($input: ResendMyAttributeVerificationCodeInput!) {\n  resendMyAttributeVerificationCode(input: $input) {\n    attributeName\n    deliveryMedium\n    destination\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateMyAttributes($input: UpdateMyAttributesInput!) {\n  updateMyAttributes(input: $input) {\n    codeDeliveryDetailsList {\n      attributeName\n      deliveryMedium\n      destination\n    }\n    attributeOutcomes {\n      name\n      status\n    }\n  }\n}"): (typeof documents)["mutation UpdateMyAttributes($input: UpdateMyAttributesInput!) {\n  updateMyAttributes(input: $input) {\n    codeDeliveryDetailsList {\n      attributeName\n      deliveryMedium\n      destination\n    }\n    attributeOutcomes {\n      name\n      status\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation VerifyMyAttribute($input: VerifyMyAttributeInput!) {\n  verifyMyAttribute(input: $input) {\n    attributeName\n    verified\n    profile {\n      id\n      email\n      emailVerified\n      phoneNumber\n      phoneNumberVerified\n    }\n  }\n}"): (typeof documents)["mutation VerifyMyAttribute($input: VerifyMyAttributeInput!) {\n  verifyMyAttribute(input: $input) {\n    attributeName\n    verified\n    profile {\n      id\n      email\n      emailVerified\n      phoneNumber\n      phoneNumberVerified\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;