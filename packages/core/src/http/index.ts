export {
  createProviderHttp,
  type ProviderHttp,
  type ProviderHttpOptions,
  type ProviderRequest,
} from './create-provider-http.js';
export { readJsonResponse } from './read-json-response.js';
