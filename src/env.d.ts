/// <reference types="vite/client" />

/** One part of a language module, split by the build (see src/i18n/message-parts.ts). */
declare module '*?part=first' {
  export const templates: Record<string, unknown>;
}
declare module '*?part=steps' {
  export const templates: Record<string, unknown>;
}
declare module '*?part=errors' {
  export const templates: Record<string, unknown>;
}
declare module '*?part=enterprise' {
  export const templates: Record<string, unknown>;
}
