import { describe, expect, test } from "vitest";
import { generate } from "../generate.js";
import { parseArgs } from "../parseArgs.js";
import { openRpcExamples } from "../typeCheck.test-helpers.js";

const petstore = openRpcExamples().find((e) => e.name === "petstore-openrpc")!.document;

describe("--package: a whole package around the code", () => {
  test("client: package.json, tsconfig.json, README and the code under src/", () => {
    const files = generate(petstore, { target: "client", package: { name: "@acme/petstore" } });
    expect(files.map((f) => f.path)).toEqual([
      "package.json",
      "tsconfig.json",
      "README.md",
      "src/types.ts",
      "src/methods.ts",
      "src/errors.ts",
      "src/client.ts",
      "src/createClient.ts",
      "src/index.ts",
    ]);
    const manifest = JSON.parse(files[0]!.content);
    expect(manifest).toMatchObject({
      name: "@acme/petstore",
      version: "1.0.0",
      type: "module",
      exports: { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" } },
      types: "./dist/index.d.ts",
      scripts: { build: "tsc -p tsconfig.json" },
      dependencies: { "@unwind/client": "^0.1.0" },
    });
    const index = files.find((f) => f.path === "src/index.ts")!.content;
    expect(index).toContain('export { createClient } from "./createClient.js";');
    const readme = files.find((f) => f.path === "README.md")!.content;
    for (const name of ["list_pets", "create_pet", "get_pet"])
      expect(readme).toContain(`### \`${name}\``);
    expect(readme).toContain("await client.getPet({ petId: 7 });");
  });

  test("server: createServer bound to the table, the server runtime as the dependency", () => {
    const files = generate(petstore, {
      target: "server",
      package: { name: "petstore-server", version: "2.0.0", runtimeVersion: "^0.2.0" },
    });
    const manifest = JSON.parse(files.find((f) => f.path === "package.json")!.content);
    expect(manifest).toMatchObject({
      version: "2.0.0",
      dependencies: { "@unwind/server": "^0.2.0" },
    });
    const module = files.find((f) => f.path === "src/createServer.ts")!.content;
    expect(module).toContain("return createRpcServer({ ...options, methods, validators });");
    expect(files.find((f) => f.path === "README.md")!.content).toContain(
      "listPets: (params, context) =>",
    );
  });

  test("the command line: --package needs a client or server target and an npm name", () => {
    const base = ["--spec", "s.json", "--out", "o"];
    expect(parseArgs([...base, "--target", "client", "--package", "@a/b"])).toMatchObject({
      options: { package: { name: "@a/b" } },
    });
    expect(() => parseArgs([...base, "--target", "docs", "--package", "x"])).toThrow(
      "--package writes client or server code",
    );
    expect(() => parseArgs([...base, "--target", "client", "--package", "Not A Name"])).toThrow(
      "--package must be an npm package name",
    );
    expect(() => parseArgs([...base, "--target", "client", "--package-version", "1.0.0"])).toThrow(
      "--package-version belongs to --package",
    );
  });
});
