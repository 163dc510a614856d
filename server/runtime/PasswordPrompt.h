#pragma once

#include <QtCore/QString>

#include <optional>

// `storefront-server admin create`: the new administrator's password, never on the
// command line (where `ps` and the shell history would show it). On a terminal it is
// asked twice without echo; from a pipe (scripts, tests) the first line is read.
namespace PasswordPrompt {
// nullopt after telling stderr why (end of input, the two differ).
std::optional<QString> ask(const QString &forWhom);
}
