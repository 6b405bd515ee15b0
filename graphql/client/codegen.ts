import type { CodegenConfig } from '@graphql-codegen/cli';
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';

// Types and typed documents for the example operations of ../operations, and persisted-documents.json: each
// document as the clients send it (normalized, with the __typename fields Apollo's cache adds) under the sha256 of
// that text, the manifest a gateway can load as its trusted documents.
const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['../operations/*.graphql'],
  generates: {
    './src/generated/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { hashAlgorithm: 'sha256' },
      },
      documentTransforms: [addTypenameSelectionDocumentTransform],
      config: { enumsAsTypes: true, useTypeImports: true },
    },
  },
};

export default config;
