/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AdminUpdateUserAttributesInput = {
  clientMetadata?: Array<ClientMetadataEntryInput> | null | undefined;
  userAttributes: Array<AttributeInput>;
  /** Defaults to the gateway's user pool; any other pool must be allowed by configuration. */
  userPoolId?: string | null | undefined;
  username: string;
};

/** What became of one attribute of a change. */
export type AttributeChangeStatus =
  /** The attribute was deleted (blank value). */
  | 'DELETED'
  /** A code was sent; the previous value stays in effect until the new one is verified (the pool keeps original values: AttributesRequireVerificationBeforeUpdate). */
  | 'PENDING_VERIFICATION'
  /** The value is the one the user already has: nothing changed and no code was sent. */
  | 'UNCHANGED'
  /** The new value is in effect. */
  | 'UPDATED'
  /** The new value is in effect but unverified; a code was sent to confirm it (the pool does not keep original values). */
  | 'UPDATED_UNVERIFIED';

/** The data type of a user pool attribute. */
export type AttributeDataType =
  | 'BOOLEAN'
  | 'DATETIME'
  | 'NUMBER'
  | 'STRING';

/** A name-value pair. Custom attributes carry the "custom:" prefix (custom:department). In input, a null or empty value deletes the attribute, as in Cognito. */
export type AttributeInput = {
  name: string;
  value?: string | null | undefined;
};

/** One entry of Cognito's ClientMetadata map, passed to the pool's Lambda triggers. Never logged. */
export type ClientMetadataEntryInput = {
  key: string;
  value: string;
};

export type DeleteMyAttributesInput = {
  attributeNames: Array<string>;
};

export type DeliveryMedium =
  | 'EMAIL'
  | 'SMS';

export type ResendMyAttributeVerificationCodeInput = {
  attributeName: string;
  clientMetadata?: Array<ClientMetadataEntryInput> | null | undefined;
};

export type UpdateMyAttributesInput = {
  clientMetadata?: Array<ClientMetadataEntryInput> | null | undefined;
  userAttributes: Array<AttributeInput>;
};

export type VerifyMyAttributeInput = {
  attributeName: string;
  code: string;
};

export type AdminGetUserQueryVariables = Exact<{
  userPoolId?: string | null | undefined;
  username: string;
}>;


export type AdminGetUserQuery = { __typename: 'Query', adminGetUser: { __typename: 'UserProfile', id: string, username: string, email: string | null, emailVerified: boolean | null, enabled: boolean | null, userStatus: string | null, userAttributes: Array<{ __typename: 'Attribute', name: string, value: string | null }> } };

export type AdminUpdateUserAttributesMutationVariables = Exact<{
  input: AdminUpdateUserAttributesInput;
}>;


export type AdminUpdateUserAttributesMutation = { __typename: 'Mutation', adminUpdateUserAttributes: { __typename: 'AdminUpdateUserAttributesPayload', userPoolId: string, username: string, attributeNames: Array<string>, attributeOutcomes: Array<{ __typename: 'AttributeOutcome', name: string, status: AttributeChangeStatus }>, profile: { __typename: 'UserProfile', id: string, email: string | null, emailVerified: boolean | null, userAttributes: Array<{ __typename: 'Attribute', name: string, value: string | null }> } | null } };

export type AttributeDefinitionsQueryVariables = Exact<{ [key: string]: never; }>;


export type AttributeDefinitionsQuery = { __typename: 'Query', attributeDefinitions: Array<{ __typename: 'AttributeDefinition', name: string, type: AttributeDataType, required: boolean, mutable: boolean, writable: boolean, verifiedByCode: boolean, keptUntilVerified: boolean, minLength: number | null, maxLength: number | null }> };

export type DeleteMyAttributesMutationVariables = Exact<{
  input: DeleteMyAttributesInput;
}>;


export type DeleteMyAttributesMutation = { __typename: 'Mutation', deleteMyAttributes: { __typename: 'DeleteMyAttributesPayload', attributeNames: Array<string>, profile: { __typename: 'UserProfile', id: string, userAttributes: Array<{ __typename: 'Attribute', name: string, value: string | null }> } | null } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename: 'Query', me: { __typename: 'UserProfile', id: string, username: string, email: string | null, emailVerified: boolean | null, phoneNumber: string | null, phoneNumberVerified: boolean | null, userAttributes: Array<{ __typename: 'Attribute', name: string, value: string | null }> } };

export type ResendMyAttributeVerificationCodeMutationVariables = Exact<{
  input: ResendMyAttributeVerificationCodeInput;
}>;


export type ResendMyAttributeVerificationCodeMutation = { __typename: 'Mutation', resendMyAttributeVerificationCode: { __typename: 'CodeDeliveryDetails', attributeName: string | null, deliveryMedium: DeliveryMedium | null, destination: string | null } };

export type UpdateMyAttributesMutationVariables = Exact<{
  input: UpdateMyAttributesInput;
}>;


export type UpdateMyAttributesMutation = { __typename: 'Mutation', updateMyAttributes: { __typename: 'UpdateMyAttributesPayload', codeDeliveryDetailsList: Array<{ __typename: 'CodeDeliveryDetails', attributeName: string | null, deliveryMedium: DeliveryMedium | null, destination: string | null }>, attributeOutcomes: Array<{ __typename: 'AttributeOutcome', name: string, status: AttributeChangeStatus }> } };

export type VerifyMyAttributeMutationVariables = Exact<{
  input: VerifyMyAttributeInput;
}>;


export type VerifyMyAttributeMutation = { __typename: 'Mutation', verifyMyAttribute: { __typename: 'VerifyMyAttributePayload', attributeName: string, verified: boolean, profile: { __typename: 'UserProfile', id: string, email: string | null, emailVerified: boolean | null, phoneNumber: string | null, phoneNumberVerified: boolean | null } | null } };


export const AdminGetUserDocument = {"__meta__":{"hash":"sha256:4075ad8cd655e4978a5d944877a8af9f73f4b71e85d74bd399fc3c011f1dd5da"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminGetUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"adminGetUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"userStatus"}},{"kind":"Field","name":{"kind":"Name","value":"userAttributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<AdminGetUserQuery, AdminGetUserQueryVariables>;
export const AdminUpdateUserAttributesDocument = {"__meta__":{"hash":"sha256:3b16c1f3d488c852cb694e47b01e0a26a3b685b1abad74e0c093c1e74a45503e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminUpdateUserAttributes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdminUpdateUserAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"adminUpdateUserAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"attributeNames"}},{"kind":"Field","name":{"kind":"Name","value":"attributeOutcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"userAttributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AdminUpdateUserAttributesMutation, AdminUpdateUserAttributesMutationVariables>;
export const AttributeDefinitionsDocument = {"__meta__":{"hash":"sha256:5d986c159a32ce4e3c86bbe7ebb7994dd6b16a920ef8b526942f2e2c3f426c5e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AttributeDefinitions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"attributeDefinitions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"mutable"}},{"kind":"Field","name":{"kind":"Name","value":"writable"}},{"kind":"Field","name":{"kind":"Name","value":"verifiedByCode"}},{"kind":"Field","name":{"kind":"Name","value":"keptUntilVerified"}},{"kind":"Field","name":{"kind":"Name","value":"minLength"}},{"kind":"Field","name":{"kind":"Name","value":"maxLength"}}]}}]}}]} as unknown as DocumentNode<AttributeDefinitionsQuery, AttributeDefinitionsQueryVariables>;
export const DeleteMyAttributesDocument = {"__meta__":{"hash":"sha256:0966552df317a08e5a205dab1d34e4ee0b7f6fe8dfb9d7c5d847ddad3ad0f842"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteMyAttributes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteMyAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"deleteMyAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"attributeNames"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userAttributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DeleteMyAttributesMutation, DeleteMyAttributesMutationVariables>;
export const MeDocument = {"__meta__":{"hash":"sha256:1b42e84f36a4ab5ac7e5a533135f77bc6103c219569849a27c4714bd8cf39740"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumberVerified"}},{"kind":"Field","name":{"kind":"Name","value":"userAttributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const ResendMyAttributeVerificationCodeDocument = {"__meta__":{"hash":"sha256:c5cbe13bf3ddd044e27f44ff30ecc2c8295cda1465fed4905eca42d11a7cb8fb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResendMyAttributeVerificationCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResendMyAttributeVerificationCodeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"resendMyAttributeVerificationCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"attributeName"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryMedium"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}}]}}]}}]} as unknown as DocumentNode<ResendMyAttributeVerificationCodeMutation, ResendMyAttributeVerificationCodeMutationVariables>;
export const UpdateMyAttributesDocument = {"__meta__":{"hash":"sha256:ebc692bb4f5824d3583b245a9902b36a5102d29fe64747b3ee2e72e9c2d988cb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateMyAttributes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMyAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"updateMyAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"codeDeliveryDetailsList"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"attributeName"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryMedium"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attributeOutcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateMyAttributesMutation, UpdateMyAttributesMutationVariables>;
export const VerifyMyAttributeDocument = {"__meta__":{"hash":"sha256:b2a4c272b8ea5d8ac43fe274263184c165a4250383edb19d54fd6e11b5378b93"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VerifyMyAttribute"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"VerifyMyAttributeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"verifyMyAttribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"attributeName"}},{"kind":"Field","name":{"kind":"Name","value":"verified"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumberVerified"}}]}}]}}]}}]} as unknown as DocumentNode<VerifyMyAttributeMutation, VerifyMyAttributeMutationVariables>;