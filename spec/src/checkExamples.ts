import type { OpenrpcDocument } from "@open-rpc/meta-schema";
import { createSchemaCompiler, formatSchemaErrors } from "./createSchemaCompiler.js";
import { channelPlaceholders } from "./lintChannels.js";
import { methodErrors } from "./methodErrors.js";
import type { SpecProblem } from "./SpecProblem.js";

interface Param {
  name: string;
  required?: boolean;
  schema: unknown;
}
interface Pairing {
  name?: string;
  params?: { name: string; value: unknown }[];
  result?: { value: unknown };
  "x-error"?: { code: number; message: string; data?: unknown };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The `x-channels` entry whose name pattern matches a concrete channel name. */
function channelOf(document: OpenrpcDocument, name: unknown): { data: unknown } | undefined {
  const channels = (document as unknown as { "x-channels"?: { name: string; data: unknown }[] })[
    "x-channels"
  ];
  if (!Array.isArray(channels) || typeof name !== "string") return undefined;
  return channels.find((channel) => {
    let source = escapeRegExp(channel.name);
    for (const p of channelPlaceholders(channel.name))
      source = source.replace(escapeRegExp(`{${p}}`), "[^.]+");
    return new RegExp(`^${source}$`).test(name);
  });
}

/**
 * Checks every example pairing against its method (like execution-apis' speccheck): param names
 * are declared, params and results validate against their schemas, and an error example's code is
 * one the method declares, with the declared message. A `-32602` example may carry invalid params:
 * that is what it shows.
 */
export function checkExamples(document: OpenrpcDocument): SpecProblem[] {
  const compile = createSchemaCompiler(document);
  const problems: SpecProblem[] = [];
  for (const method of document.methods as unknown as {
    name: string;
    params: Param[];
    result?: { schema: unknown };
    errors?: unknown[];
    examples?: Pairing[];
    "x-sent-by"?: string;
  }[]) {
    const notification = method["x-sent-by"] === "server";
    const declared = methodErrors(document, method);
    (method.examples ?? []).forEach((example, index) => {
      const at = `examples[${index}] "${example.name ?? "?"}"`;
      const add = (field: string, message: string) =>
        problems.push({ where: method.name, field: `${at}${field}`, message });
      const error = example["x-error"];
      const paramsMayBeInvalid = error?.code === -32602;
      const given = new Map((example.params ?? []).map((p) => [p.name, p.value]));
      for (const name of given.keys()) {
        if (!method.params.some((p) => p.name === name)) {
          add(
            `.params.${name}`,
            `is not a param of the method. Expected one of ${method.params.map((p) => p.name).join(", ") || "(none)"}`,
          );
        }
      }
      if (!paramsMayBeInvalid) {
        for (const param of method.params) {
          if (!given.has(param.name)) {
            if (param.required) add(`.params.${param.name}`, "is required but missing");
            continue;
          }
          const validate = compile(param.schema);
          if (!validate(given.get(param.name))) {
            add(
              `.params.${param.name}`,
              `does not match the param's schema: ${formatSchemaErrors(validate)}`,
            );
          }
        }
      }
      // A notification's `{channel, data}` example: data follows the channel's x-channels schema.
      const channel = notification ? channelOf(document, given.get("channel")) : undefined;
      if (channel && given.has("data")) {
        const validate = compile(channel.data);
        if (!validate(given.get("data")))
          add(
            ".params.data",
            `does not match the channel's data schema: ${formatSchemaErrors(validate)}`,
          );
      }
      if (error && example.result)
        add("", "has both a result and an x-error; an example shows one outcome");
      if (!error && !example.result && !notification)
        add("", "has neither a result nor an x-error");
      if (notification && (error || example.result))
        add("", "a notification the server sends has neither a result nor an x-error");
      if (example.result && method.result) {
        const validate = compile(method.result.schema);
        if (!validate(example.result.value)) {
          add(".result", `does not match the result schema: ${formatSchemaErrors(validate)}`);
        }
      }
      if (error) {
        const match = declared.find((d) => d.code === error.code);
        if (!match) {
          add(
            ".x-error.code",
            `${error.code} is not an error the method declares. Expected one of ${declared.map((d) => d.code).join(", ")}`,
          );
        } else if (match.message !== error.message) {
          add(
            ".x-error.message",
            `expected "${match.message}" (the declared message of ${error.code}), but got "${error.message}"`,
          );
        }
      }
    });
  }
  return problems;
}
