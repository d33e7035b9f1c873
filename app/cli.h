#pragma once
// The command line: veladesk <command> [flags]. Runs without a display.

#include <QString>
#include <QStringList>
#include <memory>

namespace kube {
class Client;
}

namespace veladesk {

// True when args[1] names a command of the command line (render, apply, diff, ...).
bool isCliCommand(const QStringList& args);
// Runs the command; returns the process exit code. Needs a QCoreApplication.
int runCli(const QStringList& args);

namespace cli {

// Parsed flags, kubectl style: flags anywhere, "--flag value" or "--flag=value".
struct Options
{
    QString command;        // render, setup, app, revisions, diff, apply, status, help
    QStringList positional; // after the command ("app apply" -> ["apply"])
    QStringList files;      // -f/--filename, repeatable
    QString kubeconfig;
    QString context;
    QString namespaceName; // -n/--namespace
    QString output;        // -o/--output: "", yaml, json
    bool dryRun = false;
    bool force = false;
    bool adopt = false;
    int timeoutSeconds = 300;
    QString kubevela = QStringLiteral("auto"); // auto, present, absent
    bool help = false;
};

// Exit codes.
inline constexpr int exitOk = 0;
inline constexpr int exitFailure = 1; // the operation failed (cluster error, invalid plan)
inline constexpr int exitUsage = 2;   // bad command line
// diff follows kubectl diff: 0 no differences, 1 differences found, 2 an error.
inline constexpr int exitDiffFound = 1;
inline constexpr int exitDiffError = 2;

// Commands (app/cli_*.cpp). Each prints data on stdout, errors on stderr.
int runRender(const Options& options);
int runSetup(const Options& options);
int runAppApply(const Options& options);
int runRevisions(const Options& options);
int runDiff(const Options& options);
int runApply(const Options& options);
int runReapply(const Options& options); // the AppDeployment's stored plan, applied again
int runRevert(const Options& options);  // the last plan applied to completion, applied again
int runStatus(const Options& options);
int runTree(const Options& options); // app/cli_tree.cpp

// The cluster of --kubeconfig/--context/-n, or nullptr after printing why (app/cli_cluster.cpp).
std::shared_ptr<kube::Client> connectOrFail(const Options& options);

// logs and events (app/cli_logs.cpp) parse their own flags (-f is --follow there).
bool isLogsCommand(const QString& word);
int runLogsCommand(const QStringList& args, qsizetype commandAt);

void printError(const QString& message);
void printOut(const QString& text);

} // namespace cli
} // namespace veladesk
