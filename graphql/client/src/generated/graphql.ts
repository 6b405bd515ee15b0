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


export type AdminGetUserQuery = { __typename: 'Query', adminGetUser: { __typename: 'UserProfile', username: string, enabled: boolean | null, userStatus: string | null, userAttributes: Array<{ __typename: 'Attribute', name: string, value: string | null }> } };

export type AdminUpdateUserAttributesMutationVariables = Exact<{
  input: AdminUpdateUserAttributesInput;
}>;


export type AdminUpdateUserAttributesMutation = { __typename: 'Mutation', adminUpdateUserAttributes: { __typename: 'AdminUpdateUserAttributesPayload', userPoolId: string, username: string, attributeNames: Array<string> } };

export type DeleteMyAttributesMutationVariables = Exact<{
  input: DeleteMyAttributesInput;
}>;


export type DeleteMyAttributesMutation = { __typename: 'Mutation', deleteMyAttributes: { __typename: 'DeleteMyAttributesPayload', attributeNames: Array<string> } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename: 'Query', me: { __typename: 'UserProfile', username: string, userAttributes: Array<{ __typename: 'Attribute', name: string, value: string | null }> } };

export type ResendMyAttributeVerificationCodeMutationVariables = Exact<{
  input: ResendMyAttributeVerificationCodeInput;
}>;


export type ResendMyAttributeVerificationCodeMutation = { __typename: 'Mutation', resendMyAttributeVerificationCode: { __typename: 'CodeDeliveryDetails', attributeName: string | null, deliveryMedium: DeliveryMedium | null, destination: string | null } };

export type UpdateMyAttributesMutationVariables = Exact<{
  input: UpdateMyAttributesInput;
}>;


export type UpdateMyAttributesMutation = { __typename: 'Mutation', updateMyAttributes: { __typename: 'UpdateMyAttributesPayload', codeDeliveryDetailsList: Array<{ __typename: 'CodeDeliveryDetails', attributeName: string | null, deliveryMedium: DeliveryMedium | null, destination: string | null }> } };

export type VerifyMyAttributeMutationVariables = Exact<{
  input: VerifyMyAttributeInput;
}>;


export type VerifyMyAttributeMutation = { __typename: 'Mutation', verifyMyAttribute: { __typename: 'VerifyMyAttributePayload', attributeName: string, verified: boolean } };


export const AdminGetUserDocument = {"__meta__":{"hash":"sha256:b1862369ceec47d9d2f61c8960c8d85bbd1967fe758553b9b7216397b8a113c8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminGetUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"adminGetUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"userStatus"}},{"kind":"Field","name":{"kind":"Name","value":"userAttributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<AdminGetUserQuery, AdminGetUserQueryVariables>;
export const AdminUpdateUserAttributesDocument = {"__meta__":{"hash":"sha256:d6a17e6e1f7fd1477dd2f9051b7fbe17b7fda25f0f652e6e5735c04ae1e03ccb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminUpdateUserAttributes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdminUpdateUserAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"adminUpdateUserAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"attributeNames"}}]}}]}}]} as unknown as DocumentNode<AdminUpdateUserAttributesMutation, AdminUpdateUserAttributesMutationVariables>;
export const DeleteMyAttributesDocument = {"__meta__":{"hash":"sha256:1f3146a95bfafd14a01dd9b83b0d29738df19464998c17bd6a5619ac386df59e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteMyAttributes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteMyAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"deleteMyAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"attributeNames"}}]}}]}}]} as unknown as DocumentNode<DeleteMyAttributesMutation, DeleteMyAttributesMutationVariables>;
export const MeDocument = {"__meta__":{"hash":"sha256:b012d1ff6e14bc5922b25fc66b0573ec5406b520963e8b880c2fc7dea1137525"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"userAttributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const ResendMyAttributeVerificationCodeDocument = {"__meta__":{"hash":"sha256:c5cbe13bf3ddd044e27f44ff30ecc2c8295cda1465fed4905eca42d11a7cb8fb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResendMyAttributeVerificationCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResendMyAttributeVerificationCodeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"resendMyAttributeVerificationCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"attributeName"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryMedium"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}}]}}]}}]} as unknown as DocumentNode<ResendMyAttributeVerificationCodeMutation, ResendMyAttributeVerificationCodeMutationVariables>;
export const UpdateMyAttributesDocument = {"__meta__":{"hash":"sha256:cc6c70887ca5b2d59a588aa60c5dfa274696932aa67f79de4852f052e425df48"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateMyAttributes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMyAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"updateMyAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"codeDeliveryDetailsList"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"attributeName"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryMedium"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateMyAttributesMutation, UpdateMyAttributesMutationVariables>;
export const VerifyMyAttributeDocument = {"__meta__":{"hash":"sha256:37f2257f21583ab06837cd1320787964a30e83898b3b329f408f670ba3e060ca"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VerifyMyAttribute"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"VerifyMyAttributeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"verifyMyAttribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"attributeName"}},{"kind":"Field","name":{"kind":"Name","value":"verified"}}]}}]}}]} as unknown as DocumentNode<VerifyMyAttributeMutation, VerifyMyAttributeMutationVariables>;