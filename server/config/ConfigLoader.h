#pragma once

#include "Result.h"
#include "ServerConfig.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QProcessEnvironment>

// Every server option exists three ways: --option, STOREFRONT_OPTION in the
// environment, and `option = value` in the INI file named by --config. The command
// line wins over the environment, which wins over the file, which wins over defaults.
class ConfigLoader
{
public:
    // Adds the options (with their environment names and defaults in the help text).
    static void addOptions(QCommandLineParser &parser);
    static Result<ServerConfig> load(const QCommandLineParser &parser, const QProcessEnvironment &environment);
};
