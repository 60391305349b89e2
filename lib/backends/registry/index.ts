export { backendInputSchema } from "./backend-input";
export { BackendFieldError } from "./backend-record";
export {
  resolveBackendConfig,
  type StoredBackend,
} from "./backend-runtime";
