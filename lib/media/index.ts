export { resolveInside } from "./resolve-inside";
export { serveFile } from "./serve-file";
export { signVideoToken } from "./signed-token";
