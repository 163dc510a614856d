#pragma once

#include "Failure.h"

// A Failure in words for the window: what went wrong in the shop's terms, then the
// server's exact reason ("Out of stock — product 12 has 3 left").
namespace ErrorText {
QString title(ErrorCode code);
QString describe(const Failure &failure);
}
