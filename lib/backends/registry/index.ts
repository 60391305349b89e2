/**
 * The registered backends: their rows (kind, address, settings, credential from an environment
 * variable or sealed with secret-box), the admin form's validation, the client configuration the
 * engine makes its clients from (resolveBackendConfig) and health checks. Server-side; the
 * admin API reads and writes through backend-repository, client components import the pure
 * modules directly (backend-kinds, and types).
 */
export { BACKEND_KINDS, BACKEND_ROLES, KIND_TRAITS, isBackendKind, type BackendKind, type BackendRoleName } from "./backend-kinds";
export { backendInputSchema, credentialInputSchema, type BackendInput, type CredentialInput } from "./backend-input";
export { backendRecord, BackendFieldError, type BackendRecord } from "./backend-record";
export {
  credentialView,
  resolveBackendConfig,
  storedSettings,
  type CredentialView,
  type ResolveOptions,
  type RuntimeBackendConfig,
  type StoredBackend,
} from "./backend-runtime";
export { checkBackendHealth, healthReportSchema, type HealthCheckOptions, type HealthReport } from "./health-check";
export { openSecret, sealSecret, UnreadableSecretError } from "./secret-box";
