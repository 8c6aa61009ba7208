/// <reference types="vite/client" />
declare module 'virtual:readme-examples' {
  /** The graphql blocks of the README's Examples section, read at build time. */
  const examples: string[];
  export default examples;
}
