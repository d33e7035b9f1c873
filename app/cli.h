#pragma once
// The command line: veladesk <command> [flags]. Runs without a display.

#include <QString>
#include <QStringList>
#include <memory>

namespace kube {
class Client;
namespace rollout {
struct AppDeploymentPlan;
struct ApplyReport;
} // namespace rollout
} // namespace kube

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
    QString output;        // -o/--output: "", yaml, json ("table" is the default: "")
    bool dryRun = false;
    bool force = false;
    bool full = false; // --full: every step, even when nothing changes
    bool adopt = false;
    int timeoutSeconds = 300;
    QString kubevela = QStringLiteral("auto"); // auto, present, absent
    int historyLimit = 0;                      // --history-limit (0: annotation, else 20)
    QString changeCause;                       // recorded in the apply's history entry
    bool help = false;
    bool timeoutGiven = false; // --timeout was given (probe: per request, default 5 s)
    // --routing virtualservice|httproute (render, diff, apply, reapply, revert); empty: the
    // plan's annotation, else the AppDeployment's in the cluster, else discovery.
    QString routing;
    int scaleDownDelaySeconds = 0; // --scale-down-delay (apply, reapply, revert)
    // probe
    QString url;
    QString host;
    int requests = 200;
    int concurrency = 8;
    QString header;           // --header NAME: attribution by that response header
    QStringList fingerprints; // --fingerprint REVISION=TEXT, repeatable
    QStringList clusters;     // --cluster NAME=CONTEXT, repeatable (multi-cluster placement)
    bool clientOnly = false;  // version --client
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
int runProbe(const Options& options); // app/cli_probe.cpp
int runTree(const Options& options);  // app/cli_tree.cpp

// The cluster of --kubeconfig/--context/-n, or nullptr after printing why (app/cli_cluster.cpp).
std::shared_ptr<kube::Client> connectOrFail(const Options& options);

// logs and events (app/cli_logs.cpp) parse their own flags (-f is --follow there).
bool isLogsCommand(const QString& word);
int runLogsCommand(const QStringList& args, qsizetype commandAt);

// history and rollback (app/cli_history.cpp) parse their own flags (--revision, --to).
bool isHistoryCommand(const QString& word);
int runHistoryCommand(const QStringList& args, qsizetype commandAt);
// The safe apply of `plan` with the flags of `options`, each step printed (app/cli_cluster.cpp).
int applyPlan(const Options& options, std::shared_ptr<kube::Client> client,
              const kube::rollout::AppDeploymentPlan& plan);
// "history: revision N recorded" or why it was not (app/cli_history.cpp).
void printHistoryNote(const kube::rollout::ApplyReport& report);
// One flag of a command line being parsed, kubectl style: "--flag=value" is split; take()
// reads the value from the next argument otherwise (advancing the caller's index, skipping
// nothing: the command word at `commandAt`, -1 for none, is never a value). Shared by the
// parsers of app/cli.cpp, app/cli_history.cpp and app/cli_logs.cpp.
struct FlagArg
{
    FlagArg(const QStringList& args, qsizetype& i, qsizetype commandAt = -1);
    QString name;             // "--flag" without "=value"
    QString value;            // after "=" when inlineValue
    bool inlineValue = false; // "--flag=value"
    QString error;            // set by take() and flag() when they return false
    // The flag's value; false (error set) when there is none.
    bool take(QString* out);
    // A boolean flag: true when bare, "--flag=true|false" otherwise.
    bool flag(bool* out);

private:
    const QStringList& m_args;
    qsizetype& m_i;
    qsizetype m_commandAt;
};

// --timeout values ("90s", "5m"): seconds; -1 when malformed, -2 when over a week (app/cli.cpp).
int parseTimeout(const QString& text);
int runVersion(const Options& options);    // app/cli_version.cpp
int runCompletion(const Options& options); // app/completion.cpp
// The hidden `__complete WORDS...` of the completion scripts: its words are a command line
// being typed, not flags of its own (app/completion.cpp).
int runComplete(const QStringList& words);

void printError(const QString& message);
void printOut(const QString& text);

// While it lives, SIGINT and SIGTERM call job.cancel() (which only sets an atomic flag) instead
// of ending the process, so that a long command reports what it did; then the previous
// handlers come back. One at a time.
class CancelOnInterrupt
{
public:
    template <typename Job>
    explicit CancelOnInterrupt(Job& job)
        : CancelOnInterrupt(&job, [](void* j) { static_cast<Job*>(j)->cancel(); })
    {
    }
    ~CancelOnInterrupt();
    CancelOnInterrupt(const CancelOnInterrupt&) = delete;
    CancelOnInterrupt& operator=(const CancelOnInterrupt&) = delete;

private:
    CancelOnInterrupt(void* job, void (*cancel)(void*));
    void (*m_previousInt)(int) = nullptr;
    void (*m_previousTerm)(int) = nullptr;
};

} // namespace cli
} // namespace veladesk
