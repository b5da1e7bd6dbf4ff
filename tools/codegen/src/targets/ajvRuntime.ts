/**
 * ajv's runtime helpers, inlined into the generated validators so they import nothing: ajv's
 * standalone code `require`s them, which ESM cannot. Same code as `ajv/dist/runtime/*`.
 */
export const ajvRuntime: Readonly<Record<string, { name: string; code: string }>> = {
  "ajv/dist/runtime/ucs2length": {
    name: "ucs2length",
    code: `// ajv/dist/runtime/ucs2length: string length in Unicode code points (JSON Schema counts those).
function ucs2length(str) {
  const len = str.length;
  let length = 0;
  let pos = 0;
  let value;
  while (pos < len) {
    length++;
    value = str.charCodeAt(pos++);
    if (value >= 0xd800 && value <= 0xdbff && pos < len) {
      value = str.charCodeAt(pos);
      if ((value & 0xfc00) === 0xdc00) pos++;
    }
  }
  return length;
}`,
  },
  "ajv/dist/runtime/equal": {
    name: "equal",
    code: `// ajv/dist/runtime/equal (fast-deep-equal): deep equality of JSON values, for enum, const and uniqueItems.
function equal(a, b) {
  if (a === b) return true;
  if (a && b && typeof a == "object" && typeof b == "object") {
    if (a.constructor !== b.constructor) return false;
    let length, i;
    if (Array.isArray(a)) {
      length = a.length;
      if (length != b.length) return false;
      for (i = length; i-- !== 0; ) if (!equal(a[i], b[i])) return false;
      return true;
    }
    if (a.constructor === RegExp) return a.source === b.source && a.flags === b.flags;
    if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
    if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();
    const keys = Object.keys(a);
    length = keys.length;
    if (length !== Object.keys(b).length) return false;
    for (i = length; i-- !== 0; ) if (!Object.prototype.hasOwnProperty.call(b, keys[i])) return false;
    for (i = length; i-- !== 0; ) if (!equal(a[keys[i]], b[keys[i]])) return false;
    return true;
  }
  return a !== a && b !== b;
}`,
  },
};
