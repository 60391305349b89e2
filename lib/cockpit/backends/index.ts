export { BACKEND_KINDS, BACKEND_ROLES, KIND_TRAITS, isBackendKind, type BackendKind, type BackendRoleName } from "./backend-kinds";
export { backendInputSchema, credentialInputSchema, type BackendInput, type CredentialInput } from "./backend-input";
export { backendRecord, type BackendRecord } from "./backend-record";
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
