#include "PasswordPrompt.h"

#include <cstdio>
#include <iostream>
#include <string>

#include <termios.h>
#include <unistd.h>

namespace {
std::optional<std::string> readLine(bool hidden)
{
    termios saved {};
    const bool terminal = hidden && isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::string line;
    const bool got = bool(std::getline(std::cin, line));
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::fputs("\n", stderr);
    }
    if (!got)
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}
}

std::optional<QString> PasswordPrompt::ask(const QString &forWhom)
{
    const bool terminal = isatty(STDIN_FILENO);
    if (terminal)
        std::fprintf(stderr, "Password for %s (8 to 128 characters): ", qUtf8Printable(forWhom));
    const std::optional<std::string> first = readLine(true);
    if (!first) {
        std::fprintf(stderr, "storefront-server: no password given\n");
        return std::nullopt;
    }
    if (terminal) {
        std::fprintf(stderr, "The same password again: ");
        const std::optional<std::string> second = readLine(true);
        if (!second || *second != *first) {
            std::fprintf(stderr, "storefront-server: the two passwords differ; nothing was created\n");
            return std::nullopt;
        }
    }
    return QString::fromStdString(*first);
}
