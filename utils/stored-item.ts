/**
 * A WXT storage item whose every read is validated. WXT's `defineItem<T>` trusts whatever is stored (another
 * version, a damaged profile, a test), so the raw item is `unknown` and `parse` turns it into a `T` on
 * `getValue` and on every `.watch()` change; writes are typed.
 */
import { storage, type StorageItemKey } from 'wxt/utils/storage';

/** `T` is what reads give; `W` what is written, when the stored shape carries more than reads keep. */
export interface ValidatedItem<T, W = T> {
  readonly key: StorageItemKey;
  getValue(): Promise<T>;
  setValue(value: W): Promise<void>;
  removeValue(): Promise<void>;
  /** Calls back with the parsed new value whenever any context changes it (removal parses `null`). */
  watch(onChange: (value: T) => void): () => void;
}

/** `parse` gets `null` when nothing is stored; it decides what that means (a default, or "none"). */
export function validatedItem<T, W = T>(key: StorageItemKey, parse: (raw: unknown) => T): ValidatedItem<T, W> {
  // Defined on first use: WXT's defineItem reads storage at once (its migration check), which would cost every
  // context that merely imports a module a storage read, and fail in the Node tools that share the code.
  let defined: ReturnType<typeof storage.defineItem<unknown>> | undefined;
  const item = () => (defined ??= storage.defineItem<unknown>(key));
  return {
    key,
    getValue: async () => parse(await item().getValue()),
    setValue: (value) => item().setValue(value),
    removeValue: () => item().removeValue(),
    watch: (onChange) => item().watch((next) => onChange(parse(next))),
  };
}
