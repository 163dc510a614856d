#pragma once

#include "Failure.h"

// A Failure in words for the window: what went wrong in the shop's terms, then the
// server's exact reason ("Out of stock — product 12 has 3 left."). When the server's
// reason says no more than the title, it is said once.
namespace ErrorText {
QString title(ErrorCode code);
QString describe(const Failure &failure);
// The text as a sentence: a capital first letter and a full stop at the end.
QString sentence(const QString &text);
}
