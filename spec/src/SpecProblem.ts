/** One finding of a spec check: where it is (method and field) and what is wrong. */
export interface SpecProblem {
  /** The method name, `components.schemas.X`, `components.errors.X` or `document`. */
  where: string;
  /** The field path inside `where`, e.g. `params[2].description` or `examples[0].result`. */
  field: string;
  message: string;
}

/** Formats problems one per line: `private/close_position › params[2].description: missing`. */
export function formatProblems(problems: readonly SpecProblem[]): string {
  return problems.map((p) => `${p.where} › ${p.field}: ${p.message}`).join("\n");
}
