#pragma once

class Router;
struct WorkerContext;

// /healthz, /readyz, /metrics, /openapi.json (API.md, Operations).
namespace OperationsRoutes {
void install(Router &router, WorkerContext &context);
}
