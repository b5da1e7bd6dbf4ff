export { assembleDocument, serializeDocument } from "./assembleDocument.js";
export { checkDocument } from "./checkDocument.js";
export { checkExamples } from "./checkExamples.js";
export { lintDocument } from "./lintDocument.js";
export { type ErrorGroupSource, loadSpecSources, type SpecSources } from "./loadSpecSources.js";
export { openrpcPath, sourcesDir, specDir } from "./paths.js";
export { formatProblems, type SpecProblem } from "./SpecProblem.js";
export { validateDocument } from "./validateDocument.js";
