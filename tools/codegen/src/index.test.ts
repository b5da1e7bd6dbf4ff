import { expect, test } from "vitest";
import * as codegen from "./index.js";

test("the package exports these names", () => {
  expect(Object.keys(codegen).sort()).toMatchInlineSnapshot(`
    [
      "camelCase",
      "compareOutput",
      "createContext",
      "describeDrift",
      "generate",
      "isUpToDate",
      "main",
      "parseDocumentText",
      "pascalCase",
      "readDocument",
      "resolveExternalRefs",
      "targetNames",
      "writeOutput",
    ]
  `);
});
