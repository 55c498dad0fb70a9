export { controlOpenApiDocument, type OpenApiDocument } from './control-openapi.js';
export {
  type ClockChange,
  type ClockInfo,
  type ControlOperations,
  type ControlOperationsOptions,
  createControlOperations,
  type FaultsView,
  type HealthInfo,
} from './control-operations.js';
export { type ControlRoutesTarget, createControlRoutes } from './control-routes.js';
export { createFaultMiddleware, defaultFaultBody } from './fault-middleware.js';
export { hostDelay, hostInterval } from './host-timers.js';
export {
  createHttpFaultStore,
  type HttpFaultDecision,
  type HttpFaultList,
  type HttpFaultStore,
  type LatencyFault,
  type RouteFault,
} from './http-fault-store.js';
export { InvalidRoutePatternError, parseRoutePattern, type RoutePattern } from './route-pattern.js';
