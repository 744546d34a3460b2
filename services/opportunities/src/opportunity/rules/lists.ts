// Commands built from untyped input may carry anything where a list belongs.

/** Array.isArray without its any[]: the element type stays what the caller declared. */
export const isList = (value: unknown): value is readonly unknown[] => Array.isArray(value);
