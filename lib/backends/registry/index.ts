export { backendInputSchema } from "./backend-input";
export {
  resolveBackendConfig,
  type StoredBackend,
} from "./backend-runtime";
