#pragma once
// The desktop GUI entry.

namespace veladesk {

// Creates the QApplication and the main window; returns the exit code.
// Accepts --kubeconfig, --context, -n/--namespace like the command line, and --app NAME
// (the application to open once listed; by default the last one, else the first).
int runGui(int argc, char** argv);

} // namespace veladesk
