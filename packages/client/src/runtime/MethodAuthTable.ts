/**
 * The part of a generated method table (`methods`) that says which methods need credentials:
 * each method's `auth`, from the spec's `x-auth`.
 */
export interface MethodAuthTable {
  readonly [method: string]: { readonly auth?: { readonly private: boolean } } | undefined;
}
