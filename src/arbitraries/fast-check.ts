import type * as fcModule from "fast-check";

/**
 * The part of fast-check these arbitraries use. The caller passes its own copy in (`import fc from
 * "fast-check"` or `import * as fc from "fast-check"`), so this module never loads it.
 */
export type FastCheck = Pick<
  typeof fcModule,
  | "array"
  | "boolean"
  | "constant"
  | "constantFrom"
  | "date"
  | "double"
  | "integer"
  | "letrec"
  | "mixedCase"
  | "nat"
  | "oneof"
  | "option"
  | "record"
  | "string"
  | "stringMatching"
  | "tuple"
>;

export type Arbitrary<T> = fcModule.Arbitrary<T>;
