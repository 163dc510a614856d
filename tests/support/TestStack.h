#pragma once

#include "LocalStack.h"
#include "ServerConfig.h"

// One ephemeral local stack per test executable (DESIGN.md: our Testcontainers),
// started on first use and stopped when the executable ends.
namespace TestStack {
// Null (and a QWARN with the reason) when the stack could not start.
LocalStack *instance();
// A config that points a StorefrontServer at the test stack: port 0, few workers.
ServerConfig serverConfig(int workers = 4);
// Empties every table the schema has (not schema_migrations), between tests.
bool truncateAll();
}
