export { ConfigClient, ExperienceClient, type ExperienceClientOptions, parseRetryAfter } from './client.js';
export { ApiError, ClientErrorCode, isApiError } from './errors.js';
export * from './schemas.js';
