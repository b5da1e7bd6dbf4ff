import { describe, expect, test } from "vitest";
import { methodKeys } from "./methodKeys.js";
import { NameRegistry } from "./NameRegistry.js";
import { camelCase, isIdentifierName, pascalCase, words } from "./names.js";

describe("camelCase and pascalCase", () => {
  const cases: [given: string, camel: string, pascal: string][] = [
    ["close_position", "closePosition", "ClosePosition"],
    ["private/close_position", "privateClosePosition", "PrivateClosePosition"],
    ["eth_getBalance", "ethGetBalance", "EthGetBalance"],
    ["rpc.discover", "rpcDiscover", "RpcDiscover"],
    ["get-pets", "getPets", "GetPets"],
    ["HTTPGet", "httpGet", "HTTPGet"],
    ["URL", "url", "Url"],
    ["CLOSE_POSITION", "closePosition", "ClosePosition"],
    ["getHTTPResponse", "getHTTPResponse", "GetHTTPResponse"],
    ["2fa", "_2fa", "_2fa"],
    ["Colour choice", "colourChoice", "ColourChoice"],
    ["json-value", "jsonValue", "JsonValue"],
    ["a__b", "aB", "AB"],
    ["é_x", "éX", "ÉX"],
    ["", "_", "_"],
    ["--", "_", "_"],
  ];
  test.each(cases)("%j -> %s, %s", (given, camel, pascal) => {
    expect(camelCase(given)).toBe(camel);
    expect(pascalCase(given)).toBe(pascal);
    expect(isIdentifierName(camelCase(given))).toBe(true);
  });

  test("words split at every non-identifier character and at underscores", () => {
    expect(words("a/b.c-d e_f$g")).toEqual(["a", "b", "c", "d", "e", "f", "g"]);
  });
});

describe("methodKeys", () => {
  const cases: [given: string[], want: string[]][] = [
    [["private/close_position"], ["closePosition"]],
    [
      ["public/auth", "private/buy"],
      ["auth", "buy"],
    ],
    [
      ["private/get_time", "public/get_time"],
      ["privateGetTime", "publicGetTime"],
    ],
    [
      ["private/get_time", "public/get_time", "get_time"],
      ["privateGetTime", "publicGetTime", "getTime"],
    ],
    [
      ["a/b.c-d", "rpc.discover", "eth_getBalance"],
      ["bCD", "rpcDiscover", "ethGetBalance"],
    ],
    [
      ["2fa/enable", "v1/2fa"],
      ["enable", "_2fa"],
    ],
    [
      ["class", "delete", "private/new"],
      ["class_", "delete_", "new_"],
    ],
    [
      ["transport", "createMethods", "methods"],
      ["transport_", "createMethods_", "methods_"],
    ],
    [
      ["a_b/x", "a-b/x"],
      ["aBX", "aBX2"],
    ],
    [
      ["x/foo", "foo"],
      ["xFoo", "foo"],
    ],
  ];
  test.each(cases)("%j -> %j", (given, want) => {
    expect(methodKeys(given, new NameRegistry(["transport", "createMethods", "methods"]))).toEqual(
      want,
    );
  });
});

describe("NameRegistry", () => {
  test("claims the first free candidate, else numbers the first", () => {
    const names = new NameRegistry(["Handlers"]);
    expect(names.claim("Pet")).toBe("Pet");
    expect(names.claim("Pet", "PetParams")).toBe("PetParams");
    expect(names.claim("Pet")).toBe("Pet2");
    expect(names.claim("Handlers")).toBe("Handlers_");
    expect(names.claim("Promise")).toBe("Promise_");
    expect(names.isFree("Pet3")).toBe(true);
  });
});
