/**
 * An OpenRPC document of `count` methods shaped like real ones: a component schema per ten
 * methods (objects with a nested array, `$ref` chains of at most ten between them), by-position params (one `$ref`,
 * one inline object), a `$ref` result, a declared error, an example pairing.
 */
export function syntheticDocument(count: number): Record<string, unknown> {
  const schemas: Record<string, unknown> = {};
  for (let i = 0; i < Math.ceil(count / 10); i++) {
    schemas[`Thing${i}`] = {
      title: `Thing${i}`,
      type: "object",
      required: ["id"],
      properties: {
        id: { type: "string", pattern: "^0x[0-9a-f]+$" },
        amount: { type: ["string", "number"] },
        parts: {
          type: "array",
          items: { $ref: `#/components/schemas/Thing${i % 10 === 0 ? i : i - 1}` },
        },
      },
    };
  }
  const methods = Array.from({ length: count }, (_, i) => ({
    name: `ns${i % 50}_method${i}`,
    summary: `Method ${i}.`,
    params: [
      {
        name: "thing",
        required: true,
        schema: { $ref: `#/components/schemas/Thing${Math.floor(i / 10)}` },
      },
      {
        name: "options",
        schema: {
          type: "object",
          properties: { limit: { type: "integer", minimum: 1 }, tag: { type: "string" } },
        },
      },
    ],
    result: { name: "result", schema: { $ref: `#/components/schemas/Thing${Math.floor(i / 10)}` } },
    errors: [{ $ref: "#/components/errors/NotFound" }],
    examples: [
      {
        name: `example ${i}`,
        params: [{ name: "thing", value: { id: "0x1" } }],
        result: { name: "result", value: { id: "0x2", amount: "1.5" } },
      },
    ],
  }));
  return {
    openrpc: "1.3.2",
    info: { title: "Synthetic", version: "1.0.0" },
    methods,
    components: { schemas, errors: { NotFound: { code: 4004, message: "not found" } } },
  };
}
