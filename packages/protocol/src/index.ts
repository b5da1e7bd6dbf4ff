export { clientSignatureStringToSign } from "./clientSignatureStringToSign.js";
export { errorEnvelope, resultEnvelope } from "./envelope/envelope.js";
export { formatMicros } from "./envelope/formatMicros.js";
export { nowMicros } from "./envelope/nowMicros.js";
export { httpStringToSign } from "./httpStringToSign.js";
export { stringToSign } from "./stringToSign.js";
