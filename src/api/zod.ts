/**
 * The zod schema builders of every schema the kit ships (schemas.ts and the later steps'), with the
 * same names and checks as `zod/mini`'s, made directly from zod's core classes.
 *
 * A `zod/mini` schema carries its own `parse`, `safeParse`, `parseAsync`, `check`, `clone`… and
 * the code behind all of them; a core schema has none, and is parsed with the `safeParse`
 * function. zod's core module is part of the first screen (the config and the error envelope are
 * parsed before the first field shows), and whatever any later step's schema uses of it travels
 * with it: so no part of the kit imports `zod/mini`, and the first screen carries neither its
 * builders nor the helpers they need.
 */
import * as core from "zod/v4/core";

export type { output as infer } from "zod/v4/core";

/** What failed and where in a body the kit rejects; never the value, which may hold a token. */
export interface Issue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
}

export type SafeParseResult<T> = { success: true; data: T } | { success: false; error: { issues: Issue[] } };

/**
 * Checks `value` against `schema`, as zod's `safeParse` does. zod's own would also wrap the
 * issues in a ZodError with a message for each, code the kit downloads only for that; the kit
 * reports an issue's code and path, and never the value it rejected (it may hold a token).
 */
export function safeParse<T extends core.$ZodType>(schema: T, value: unknown): SafeParseResult<core.output<T>> {
  const result = schema._zod.run({ value, issues: [] }, { async: false });
  if (result instanceof Promise) throw new TypeError("The kit's schemas are synchronous.");
  if (result.issues.length === 0) return { success: true, data: result.value as core.output<T> };
  return { success: false, error: { issues: result.issues.map(({ code, path }) => ({ code, path: path ?? [] })) } };
}

export const string = (...checks: core.$ZodCheck<string>[]): core.$ZodString =>
  new core.$ZodString({ type: "string", checks });

/** A check for `string(...)`: the value matches `pattern`. */
export const regex = (pattern: RegExp): core.$ZodCheckRegex =>
  new core.$ZodCheckRegex({ check: "string_format", format: "regex", pattern });

export const number = (): core.$ZodNumber =>
  new core.$ZodNumber({ type: "number" });

export const boolean = (): core.$ZodBoolean =>
  new core.$ZodBoolean({ type: "boolean" });

export const unknown = (): core.$ZodUnknown =>
  new core.$ZodUnknown({ type: "unknown" });

export const array = <T extends core.SomeType>(element: T) =>
  new core.$ZodArray({
    type: "array",
    element: element as unknown as core.$ZodType,
  }) as unknown as core.$ZodArray<T>;

export const optional = <T extends core.SomeType>(innerType: T) =>
  new core.$ZodOptional({
    type: "optional",
    innerType: innerType as unknown as core.$ZodType,
  }) as unknown as core.$ZodOptional<T>;

export const nullable = <T extends core.SomeType>(innerType: T) =>
  new core.$ZodNullable({
    type: "nullable",
    innerType: innerType as unknown as core.$ZodType,
  }) as unknown as core.$ZodNullable<T>;

/** An object with these fields; other fields are dropped from the result (zod's default). */
export const object = <T extends core.$ZodShape>(shape: T) =>
  new core.$ZodObject({ type: "object", shape }) as core.$ZodObject<
    T,
    core.$strip
  >;

/** `base`, with every other field kept when it matches `rest`. */
export const catchall = <T extends core.$ZodShape, R extends core.SomeType>(
  base: core.$ZodObject<T>,
  rest: R,
) =>
  new core.$ZodObject({
    ...base._zod.def,
    catchall: rest as unknown as core.$ZodType,
  }) as core.$ZodObject<T, core.$catchall<R>>;

const enumOf = <const T extends readonly string[]>(values: T) =>
  new core.$ZodEnum({
    type: "enum",
    entries: Object.fromEntries(values.map((value) => [value, value])),
  }) as unknown as core.$ZodEnum<{
    [K in T[number]]: K;
  }>;
export { enumOf as enum };
