import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents from the printed schema (../schema.graphql) and the
// graphql() calls of src/.
const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/**/*.ts', 'src/**/*.tsx', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { Date: 'string', DateTime: 'string', Upload: 'File' } },
    },
  },
};
export default config;
