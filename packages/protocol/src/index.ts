export { clientSignatureStringToSign } from "./clientSignatureStringToSign.js";
export { httpStringToSign } from "./httpStringToSign.js";
export { stringToSign } from "./stringToSign.js";
