/**
 * Encodes by-name params as a query string for `GET /api/v2/{method}`: strings as they are,
 * numbers and booleans printed, objects and arrays as JSON, `undefined` left out.
 */
export function toQuery(params: object): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    query.append(
      name,
      typeof value === "object" && value !== null ? JSON.stringify(value) : String(value),
    );
  }
  const text = query.toString();
  return text === "" ? "" : `?${text}`;
}
