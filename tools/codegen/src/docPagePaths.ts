/**
 * The Markdown page of each method, relative to the docs directory: the method name with `/` as
 * directories (`methods/private/close_position.md`), each segment reduced to `[A-Za-z0-9_.-]`
 * and never `.` or `..`; clashes (case-insensitively, for case-insensitive file systems) get a number.
 */
export function docPagePaths(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const segments = name
      .split("/")
      .filter((s) => s !== "")
      .map((s) => s.replace(/[^A-Za-z0-9_.-]+/g, "-").replace(/^\.+/, "_") || "_");
    const base = `methods/${(segments.length > 0 ? segments : ["_"]).join("/")}`;
    let path = `${base}.md`;
    for (let n = 2; used.has(path.toLowerCase()); n++) path = `${base}-${n}.md`;
    used.add(path.toLowerCase());
    return path;
  });
}
