#pragma once

#include "Failure.h"

// A Failure in words for the window, in the window's language: what went wrong in the
// shop's terms, from the app's own text for each ErrorCode (every code of API.md has
// one: a switch without a default, so a new code does not build without its words).
// In English the server's exact reason follows ("Out of stock — product 12 has 3
// left."), said once when it says no more than the title. In another language the
// server's reason (English, for logs and other clients) is left out, except where the
// app has no words of its own for what happened (INTERNAL, and codes this build does not
// know, which arrive as INTERNAL): then it is quoted, so the sentence still says something.
// A message the app wrote itself (details "fromApp") is in the person's language already.
namespace ErrorText {
QString title(ErrorCode code);
QString describe(const Failure &failure);
// What to say under the field a refusal names (details "field"): the server's reason
// in English, the app's own words otherwise.
QString fieldProblem(const Failure &failure);
// The text as a sentence: a capital first letter and a full stop at the end.
QString sentence(const QString &text);
}
