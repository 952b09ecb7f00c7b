import type { MessageSchema } from './id';

// Typed message keys in `t()`, `$t()` and `<i18n-t>`: a misspelt key fails the typecheck.
declare module 'vue-i18n' {
  export interface DefineLocaleMessage extends MessageSchema {}
}
