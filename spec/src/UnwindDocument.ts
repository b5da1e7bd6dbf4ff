import type { MethodObject, OpenrpcDocument } from "@open-rpc/meta-schema";

/** `x-auth` on a method: whether it needs credentials, and the scope it needs. */
export interface AuthExtension {
  private: boolean;
  scope?: string;
}

/** One error group of `x-error-groups`: a declared code range and its errors. */
export interface ErrorGroup {
  name: string;
  description: string;
  range: [number, number];
  errors: Record<string, { code: number; description: string }>;
}

/** A method of the unwind spec, with the x- fields codegen, servers and the conformance suite read. */
export type UnwindMethod = MethodObject & {
  "x-auth"?: AuthExtension;
  "x-matching-engine"?: boolean;
  "x-reject-reasons"?: string[];
};

/** The assembled unwind OpenRPC document: OpenRPC 1.3 plus the extensions documented in spec/README.md. */
export type UnwindDocument = Omit<OpenrpcDocument, "methods"> & {
  methods: UnwindMethod[];
  "x-response-envelope": Record<string, unknown>;
  "x-protocol-errors": { $ref: string }[];
  "x-error-groups": ErrorGroup[];
  "x-transports": Record<string, unknown>;
  "x-auth-schemes": Record<string, unknown>;
  "x-extensions": unknown[];
};
