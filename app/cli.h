#pragma once
// The command line: veladesk <command> [flags]. Runs without a display.

#include <QStringList>

namespace veladesk {

// True when args[1] names a command of the command line (render, apply, diff, ...).
bool isCliCommand(const QStringList& args);
// Runs the command; returns the process exit code. Needs a QCoreApplication.
int runCli(const QStringList& args);

} // namespace veladesk
