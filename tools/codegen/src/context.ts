import { type ChannelModel, readChannels } from "./channels.js";
import { collectTypes, type TypeDeclaration } from "./collectTypes.js";
import { docPagePaths } from "./docPagePaths.js";
import type {
  ContentDescriptor,
  ErrorObject,
  ExampleObject,
  ExamplePairing,
  MethodObject,
  OpenRpcDocument,
  Reference,
} from "./document.js";
import type { GenerateOptions, PackageOptions, Target } from "./GenerateOptions.js";
import { headerText, sha256 } from "./header.js";
import { methodKeys } from "./methodKeys.js";
import type { ErrorModel, ExampleModel, MethodModel, ParamModel } from "./model.js";
import { NameRegistry } from "./NameRegistry.js";
import { pascalCase } from "./names.js";
import { deref } from "./resolveRef.js";
import { TypeRegistry } from "./TypeRegistry.js";

/** The names the generated modules declare or import themselves; no spec name may take them. */
export const fixedNames = [
  "Handlers",
  "ChannelTable",
  "ChannelDescriptor",
  "channelTable",
  "MethodTable",
  "Methods",
  "MethodDescriptor",
  "ClientMethodDescriptor",
  "ClientParamDescriptor",
  "RequestContext",
  "RpcError",
  "Transport",
  "CallOptions",
  "ParamValidator",
  "ValidationError",
  "methods",
  "validators",
  "errorClasses",
  "specVersion",
  "createMethods",
  "createClient",
  "notify",
  "createServer",
  "ClientOptions",
  "ServerOptions",
  "RpcClient",
  "RpcClientOptions",
  "RunningServer",
  "TableServerOptions",
  "createRpcClient",
  "createRpcServer",
  "transport",
  "params",
  "options",
  "context",
  "data",
  "cause",
  "code",
  "message",
  "result",
] as const;

/** JSON-RPC 2.0's own errors: every target declares a class for each, spec or not. */
export const jsonRpcErrors: readonly (ErrorObject & { name: string })[] = [
  { name: "ParseError", code: -32700, message: "Parse error" },
  { name: "InvalidRequestError", code: -32600, message: "Invalid Request" },
  { name: "MethodNotFoundError", code: -32601, message: "Method not found" },
  { name: "InvalidParamsError", code: -32602, message: "Invalid params" },
  { name: "InternalError", code: -32603, message: "Internal error" },
];

/** Options with their defaults applied, and what follows from them. */
export interface ResolvedOptions {
  readonly target: Target;
  readonly specName: string;
  readonly sha256: string;
  readonly unknownParams: "reject" | "ignore";
  readonly docsBase: string | undefined;
  /** The module generated code imports its runtime from: `@unwind/client/runtime`. */
  readonly runtime: string;
  /** How the client sends `either` params: `by-position` (default) or `by-name`. */
  readonly eitherParams: "by-position" | "by-name";
  /** Set when a whole package is written (`--package`). */
  readonly package: PackageOptions | undefined;
  /** The header line, without comment markers. */
  readonly header: string;
}

/** Everything a transform or a target reads: the document, resolved once, and every name. */
export interface Context {
  readonly document: OpenRpcDocument;
  readonly options: ResolvedOptions;
  readonly names: NameRegistry;
  readonly types: TypeRegistry;
  /**
   * The methods a client calls (the docs target: every method). Notifications the server sends
   * (`x-sent-by: server`) are in `notifications` instead.
   */
  readonly methods: readonly MethodModel[];
  /** The notifications the server sends (`x-sent-by: server`): typed, but no function or handler. */
  readonly notifications: readonly MethodModel[];
  /** The document-level `x-channels`, in order. */
  readonly channels: readonly ChannelModel[];
  readonly errors: readonly ErrorModel[];
  /** The declarations of `types.ts`, built once so every target names types alike. */
  readonly typeDeclarations: readonly TypeDeclaration[];
  readonly specVersion: string;
}

function errorClassName(name: string): string {
  const base = pascalCase(name);
  return base.endsWith("Error") ? base : `${base}Error`;
}

function errorDescriptions(document: OpenRpcDocument): Map<string, string> {
  const out = new Map<string, string>();
  const groups = document["x-error-groups"];
  if (!Array.isArray(groups)) return out;
  for (const group of groups) {
    const errors = (group as { errors?: unknown })?.errors;
    if (typeof errors !== "object" || errors === null) continue;
    for (const [key, value] of Object.entries(errors)) {
      const description = (value as { description?: unknown })?.description;
      if (typeof description === "string") out.set(key, description);
    }
  }
  return out;
}

function readAuth(value: unknown): MethodModel["auth"] {
  if (typeof value !== "object" || value === null) return { private: false };
  const { private: isPrivate, scope } = value as { private?: unknown; scope?: unknown };
  return typeof scope === "string"
    ? { private: isPrivate === true, scope }
    : { private: isPrivate === true };
}

function resolveOptions(document: OpenRpcDocument, options: GenerateOptions): ResolvedOptions {
  const specText = options.specText ?? `${JSON.stringify(document, null, 2)}\n`;
  const specName = options.specName ?? "openrpc.json";
  const unknownParams = options.unknownParams ?? "reject";
  const hash = sha256(specText);
  const defaultRuntime = `@unwind/${options.target === "server" ? "server" : "client"}/runtime`;
  const runtime = options.runtime ?? defaultRuntime;
  const extra = [
    options.target === "server" && unknownParams !== "reject"
      ? ` --unknown-params ${unknownParams}`
      : "",
    options.docsBase !== undefined && options.target !== "docs"
      ? ` --docs-base ${options.docsBase}`
      : "",
    runtime !== defaultRuntime && options.target !== "docs" ? ` --runtime ${runtime}` : "",
    options.package ? ` --package ${options.package.name}` : "",
    options.eitherParams === "by-name" && options.target === "client"
      ? " --either-params by-name"
      : "",
  ].join("");
  return {
    target: options.target,
    specName,
    sha256: hash,
    unknownParams,
    docsBase: options.docsBase,
    runtime,
    package: options.package,
    eitherParams: options.eitherParams ?? "by-position",
    header: headerText(options.target, specName, hash, extra),
  };
}

/** Resolves the document and the options once: every `$ref`, every name, every type. */
export function createContext(document: OpenRpcDocument, options: GenerateOptions): Context {
  const resolved = resolveOptions(document, options);
  const names = new NameRegistry(fixedNames);
  const types = new TypeRegistry(document, names);
  const methodObjects = document.methods.map((m, i) =>
    deref<MethodObject>(document, m, `methods[${i}]`),
  );
  const keys = methodKeys(
    methodObjects.map((m) => m.name),
    names,
  );
  const components = types.claimComponents(document.components?.schemas ?? {});

  const typeNames = keys.map((key) => {
    const prefix = key.replace(/_$/, "").replace(/^[a-z]/, (c) => c.toUpperCase());
    return {
      parameters: names.claim(`${prefix}Parameters`),
      returnType: names.claim(`${prefix}ReturnType`),
      errorCode: names.claim(`${prefix}ErrorCode`),
      errorType: names.claim(`${prefix}ErrorType`),
    };
  });

  const descriptions = errorDescriptions(document);
  const errors: ErrorModel[] = [];
  const byObject = new Map<object, ErrorModel>();
  const byCode = new Map<number, ErrorModel>();
  const addError = (error: ErrorObject, key: string | undefined, className: string) => {
    const model: ErrorModel = {
      key,
      className: names.claim(className),
      code: error.code,
      message: error.message,
      description: key ? descriptions.get(key) : undefined,
      data: error.data,
    };
    errors.push(model);
    byObject.set(error, model);
    if (!byCode.has(error.code)) byCode.set(error.code, model);
    return model;
  };
  for (const [key, error] of Object.entries(document.components?.errors ?? {})) {
    addError(error, key, errorClassName(key));
  }
  for (const error of jsonRpcErrors) {
    if (!byCode.has(error.code)) addError(error, undefined, error.name);
  }

  const pages = docPagePaths(methodObjects.map((m) => m.name));
  const all = methodObjects.map((method, i): MethodModel => {
    const where = `method ${method.name}`;
    const params = method.params.map((p, j): ParamModel => {
      const descriptor = deref<ContentDescriptor>(document, p, `params[${j}] of ${where}`);
      return {
        name: descriptor.name,
        required: descriptor.required === true,
        schema: descriptor.schema ?? true,
        descriptor,
      };
    });
    const methodErrors: ErrorModel[] = [];
    for (const [j, e] of (method.errors ?? []).entries()) {
      const error = deref<ErrorObject>(document, e, `errors[${j}] of ${where}`);
      const model =
        byObject.get(error) ??
        byCode.get(error.code) ??
        addError(error, undefined, errorClassName(error.message || `Error ${error.code}`));
      if (!methodErrors.some((m) => m.code === model.code)) methodErrors.push(model);
    }
    return {
      name: method.name,
      key: keys[i]!,
      method,
      params,
      paramStructure: method.paramStructure ?? "either",
      result: method.result
        ? deref<ContentDescriptor>(document, method.result, `result of ${where}`)
        : undefined,
      errors: methodErrors,
      examples: (method.examples ?? []).map((e, j) =>
        readExample(document, e, `examples[${j}] of ${where}`),
      ),
      tags: (method.tags ?? []).map(
        (t, j) => deref<{ name: string }>(document, t, `tags[${j}] of ${where}`).name,
      ),
      auth: readAuth(method["x-auth"]),
      matchingEngine: method["x-matching-engine"] === true,
      typeNames: typeNames[i]!,
      docPage: pages[i]!,
    };
  });
  const sentByServer = (m: MethodModel) => m.method["x-sent-by"] === "server";
  const docs = options.target === "docs";
  const methods = docs ? all : all.filter((m) => !sentByServer(m));
  const notifications = docs ? [] : all.filter(sentByServer);
  const channels = readChannels(document, types, names);

  return {
    document,
    options: resolved,
    names,
    types,
    methods,
    notifications,
    channels: channels.channels,
    errors,
    typeDeclarations: collectTypes(
      { types },
      [...components, ...channels.schemas],
      all,
      options.target === "docs",
    ),
    specVersion: document.info.version,
  };
}

function readExample(
  document: OpenRpcDocument,
  node: ExamplePairing | Reference,
  where: string,
): ExampleModel {
  const pairing = deref<ExamplePairing>(document, node, where);
  const params = (pairing.params ?? []).map((p, i) =>
    deref<ExampleObject>(document, p, `params[${i}] of ${where}`),
  );
  const result = pairing.result
    ? deref<ExampleObject>(document, pairing.result, `result of ${where}`)
    : undefined;
  const error = pairing["x-error"];
  return {
    name: pairing.name,
    summary: pairing.summary,
    description: pairing.description,
    params: params.map((p, i) => ({ name: p.name ?? String(i), value: p.value })),
    result: result ? { value: result.value } : undefined,
    error:
      typeof error === "object" && error !== null && typeof error.code === "number"
        ? error
        : undefined,
  };
}
