export { dashboardClient } from './dashboard-client.js';
export { createDashboardRoutes, type DashboardParts } from './dashboard-routes.js';
export {
  type DashboardDialect,
  type DashboardQuery,
  type DashboardWork,
  dashboardState,
  dialectOf,
  lineageOf,
  partitionLabel,
} from './dashboard-state.js';
export { createRequestLog, type RequestLog, type RequestLogEntry } from './request-log.js';
