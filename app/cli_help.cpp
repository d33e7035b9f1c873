// The command table and what reads it: help texts, unknown flags, global flags (-v, --no-color).

#include "app/cli_help.h"

#include "app/cli.h"
#include "kube/verbosity.h"

#include <QRegularExpression>
#include <QTextStream>

#include <cstdlib>
#include <unistd.h>

namespace veladesk::cli {

namespace {

bool g_noColorFlag = false;

const FlagHelp kFilename{
    "-f", "--filename", "FILE", QT_TRANSLATE_NOOP("Cli", "Input file; repeatable"), nullptr, true};
const FlagHelp kOutput{"-o", "--output", "FORMAT",
                       QT_TRANSLATE_NOOP("Cli", "Output format: yaml or json"), "yaml json"};
const FlagHelp kDryRun{
    nullptr, "--dry-run", nullptr,
    QT_TRANSLATE_NOOP("Cli",
                      "Validate, check ownership and run a server-side dry-run; change nothing")};
const FlagHelp kForce{
    nullptr, "--force", nullptr,
    QT_TRANSLATE_NOOP("Cli", "Do not wait for ready replicas before routing traffic")};
const FlagHelp kFull{
    nullptr, "--full", nullptr,
    QT_TRANSLATE_NOOP("Cli", "Run every step even when the cluster already runs the plan (by "
                             "default such an apply writes nothing and says \"unchanged\")")};
const FlagHelp kAdopt{
    nullptr, "--adopt", nullptr,
    QT_TRANSLATE_NOOP("Cli", "Take over objects of the same name owned by others")};
const FlagHelp kTimeout{
    nullptr, "--timeout", "DURATION",
    QT_TRANSLATE_NOOP("Cli", "How long to wait for ready replicas and endpoints and to retry while "
                             "the API server does not answer, e.g. 90s, 5m (default 5m)")};

const FlagHelp kRouting{
    nullptr, "--routing", "API",
    QT_TRANSLATE_NOOP("Cli", "Route through an Istio VirtualService or a Gateway API HTTPRoute "
                             "(default: the plan's veladesk.io/routing annotation, else what the "
                             "AppDeployment routes with, else VirtualService when Istio's API is "
                             "served)"),
    "virtualservice httproute"};
const FlagHelp kScaleDownDelay{
    nullptr, "--scale-down-delay", "DURATION",
    QT_TRANSLATE_NOOP("Cli", "When routing changed, wait this long before pods go (scale-down, "
                             "prune), so that gateways have taken the new routing (default 0s)")};
const FlagHelp kCluster{
    nullptr, "--cluster", "NAME=CONTEXT",
    QT_TRANSLATE_NOOP("Cli",
                      "Multi-cluster placement: the kubeconfig context of the cluster that "
                      "placement[].clusterSelector.name calls NAME; repeatable (default: the "
                      "context of the same name; the current context is the home cluster)")};
const FlagHelp kHistoryLimit{nullptr, "--history-limit", "N",
                             QT_TRANSLATE_NOOP("Cli",
                                               "History entries kept (default: the AppDeployment's "
                                               "veladesk.io/history-limit annotation, else 20)")};

} // namespace

// One row per command, in the order of the overview. New commands add a row here.
const std::vector<CommandHelp>& commandTable()
{
    static const std::vector<CommandHelp> table = {
        {"render",
         "render -f FILE... [-o yaml|json]",
         QT_TRANSLATE_NOOP(
             "Cli",
             "Render Application/AppDeployment files offline to the objects VelaDesk would apply"),
         QT_TRANSLATE_NOOP(
             "Cli",
             "Renders the Deployments, Services and the Istio VirtualService of the AppDeployment "
             "plans among the input files, without a cluster. The plan is validated first (weights "
             "summing to 100, known revisions)."),
         {kFilename, kOutput, kRouting, kCluster},
         QT_TRANSLATE_NOOP("Cli",
                           "# The objects of a 20/80 canary plan\n"
                           "veladesk render -f app-v1.yaml -f app-v2.yaml -f plan.yaml\n"
                           "# The same as a v1 List in JSON\n"
                           "veladesk render -f app-v1.yaml -f app-v2.yaml -f plan.yaml -o json"),
         ArgCompletion::File},
        {"setup",
         "setup",
         QT_TRANSLATE_NOOP("Cli", "Install the AppDeployment CRD where it is missing"),
         QT_TRANSLATE_NOOP(
             "Cli",
             "Installs the AppDeployment CustomResourceDefinition (core.oam.dev/v1beta1) in the "
             "cluster of the current context unless it is there already."),
         {},
         "veladesk setup --context staging"},
        {"app",
         "app apply -f APP.yaml",
         QT_TRANSLATE_NOOP("Cli", "Apply an Application and record its ApplicationRevision"),
         QT_TRANSLATE_NOOP(
             "Cli",
             "Applies a KubeVela Application. When KubeVela's controller does not run in the "
             "cluster, records its ApplicationRevision as KubeVela would."),
         {kFilename,
          {nullptr, "--kubevela", "MODE",
           QT_TRANSLATE_NOOP(
               "Cli",
               "Whether KubeVela's controller records revisions: auto, present or absent (default "
               "auto: detect a vela-core Deployment in vela-system)"),
           "auto present absent"}},
         "veladesk app apply -f app-v2.yaml -n shop",
         ArgCompletion::Fixed,
         "apply"},
        {"revisions",
         "revisions APP [-o yaml|json]",
         QT_TRANSLATE_NOOP("Cli", "List the ApplicationRevisions of an Application"),
         QT_TRANSLATE_NOOP("Cli", "Lists the ApplicationRevisions "
                                  "of an Application, newest last."),
         {kOutput},
         "veladesk revisions web -n shop",
         ArgCompletion::Application},
        {"diff",
         "diff -f PLAN.yaml [-o yaml|json]",
         QT_TRANSLATE_NOOP("Cli", "Show live vs planned objects (after a server-side dry-run)"),
         QT_TRANSLATE_NOOP(
             "Cli",
             "Compares the live objects with those the plan would apply, after a server-side "
             "dry-run. Exit status as kubectl diff: 0 no differences, 1 differences, 2 an error."),
         {kFilename, kOutput, kRouting, kCluster},
         "veladesk diff -f plan.yaml",
         ArgCompletion::File},
        {"apply",
         "apply -f PLAN.yaml [flags]",
         QT_TRANSLATE_NOOP("Cli", "Apply an AppDeployment plan in safe order (make before break)"),
         QT_TRANSLATE_NOOP(
             "Cli",
             "Applies an AppDeployment plan step by step: new replicas become ready before any "
             "traffic reaches them, traffic leaves a revision before it shrinks. On a terminal "
             "each "
             "step is shown on a live line with its elapsed time; piped, one plain line per event. "
             "Only one apply per AppDeployment runs at a time."),
         {kFilename, kDryRun, kForce, kFull, kAdopt, kTimeout, kRouting, kScaleDownDelay,
          kHistoryLimit, kCluster},
         QT_TRANSLATE_NOOP("Cli", "# Shift 20% of the traffic to the new revision\n"
                                  "veladesk apply -f plan.yaml\n"
                                  "# Check it with the server first, changing nothing\n"
                                  "veladesk apply -f plan.yaml --dry-run\n"
                                  "# See every request\n"
                                  "veladesk apply -f plan.yaml -v=6"),
         ArgCompletion::File},
        {"status",
         "status NAME [-o yaml|json]",
         QT_TRANSLATE_NOOP(
             "Cli", "Phase, conditions, per-revision replicas and weights of an AppDeployment"),
         QT_TRANSLATE_NOOP("Cli", "Shows an AppDeployment's phase, conditions, per-revision "
                                  "replicas and weights, and an "
                                  "apply in progress (by whom, since when) or an interrupted one."),
         {kOutput, kCluster},
         "veladesk status web -n shop\nveladesk status web -o yaml",
         ArgCompletion::AppDeployment},
        {"reapply",
         "reapply NAME [flags]",
         QT_TRANSLATE_NOOP(
             "Cli", "Apply the AppDeployment's stored plan again (finish an interrupted apply)"),
         QT_TRANSLATE_NOOP(
             "Cli",
             "Applies the plan stored in the AppDeployment object again, e.g. to finish an apply "
             "that was interrupted."),
         {kDryRun, kForce, kAdopt, kTimeout},
         "veladesk reapply web -n shop",
         ArgCompletion::AppDeployment},
        {"revert",
         "revert NAME [flags]",
         QT_TRANSLATE_NOOP("Cli", "Apply the last plan that was applied to completion again"),
         QT_TRANSLATE_NOOP(
             "Cli",
             "Applies the last plan of the AppDeployment that was applied to completion again."),
         {kDryRun, kForce, kAdopt, kTimeout},
         "veladesk revert web -n shop",
         ArgCompletion::AppDeployment},
        {"history",
         "history NAME [--revision N] [-o table|yaml|json]",
         QT_TRANSLATE_NOOP("Cli",
                           "The apply history of an AppDeployment (who, when, result, weights)"),
         QT_TRANSLATE_NOOP(
             "Cli",
             "Lists the apply history of an AppDeployment, oldest first: every apply that reached "
             "the AppDeployment step is an apps/v1 ControllerRevision owned by it (the newest 20 "
             "are "
             "kept; the AppDeployment's veladesk.io/history-limit annotation or apply "
             "--history-limit change it). RESULT is Running, Succeeded, Failed or Interrupted (an "
             "apply that stopped without recording its end). --revision N prints the plan of entry "
             "N (-o yaml: the AppDeployment alone, ready for `veladesk apply -f`)."),
         {{nullptr, "--revision", "N", QT_TRANSLATE_NOOP("Cli", "One entry: its plan")},
          {"-o", "--output", "FORMAT",
           QT_TRANSLATE_NOOP("Cli", "Output format: table, yaml or json"), "table yaml json"}},
         "veladesk history web -n shop\nveladesk history web --revision 3 -o yaml",
         ArgCompletion::AppDeployment},
        {"rollback",
         "rollback NAME --to N [--dry-run] [--timeout D]",
         QT_TRANSLATE_NOOP("Cli", "Apply plan N of the history again, in safe order"),
         QT_TRANSLATE_NOOP(
             "Cli",
             "Applies the plan of history entry N of an AppDeployment again through the normal "
             "safe "
             "apply (make before break, one apply at a time), after printing how it differs from "
             "the stored plan. The rollback is itself recorded as a new history entry (change "
             "cause "
             "\"rollback to N\")."),
         {{nullptr, "--to", "N",
           QT_TRANSLATE_NOOP("Cli", "The history revision to go back to (see veladesk history)")},
          kDryRun,
          kTimeout,
          kHistoryLimit},
         "veladesk rollback web --to 3 --dry-run\nveladesk rollback web --to 3",
         ArgCompletion::AppDeployment},
        {"probe",
         "probe NAME --url URL [flags]",
         QT_TRANSLATE_NOOP(
             "Cli", "Compare the split observed through a gateway with the configured weights"),
         QT_TRANSLATE_NOOP(
             "Cli",
             "Sends requests through a gateway with the route's Host header, attributes each "
             "answer "
             "to a revision (the x-veladesk-revision header, else --header, else --fingerprint) "
             "and "
             "compares each revision's observed share with its configured weight using a 95 % "
             "Wilson interval. Exit status 0 when every request was answered, attributed and the "
             "split matches, 1 otherwise."),
         {{nullptr, "--url", "URL",
           QT_TRANSLATE_NOOP(
               "Cli", "The gateway, e.g. http://127.0.0.1:18080/ (its path picks the http rule)")},
          {nullptr, "--requests", "N", QT_TRANSLATE_NOOP("Cli", "How many requests (default 200)")},
          {nullptr, "--host", "HOST",
           QT_TRANSLATE_NOOP("Cli", "Host header (default: the route's first host)")},
          {nullptr, "--concurrency", "C",
           QT_TRANSLATE_NOOP("Cli", "Requests in flight at most (default 8)")},
          {nullptr, "--timeout", "DURATION", QT_TRANSLATE_NOOP("Cli", "Per request (default 5s)")},
          {nullptr, "--header", "NAME",
           QT_TRANSLATE_NOOP(
               "Cli", "Attribute responses by this header when x-veladesk-revision is absent")},
          {nullptr, "--fingerprint", "REV=TEXT",
           QT_TRANSLATE_NOOP(
               "Cli", "Attribute a response whose body contains TEXT to revision REV; repeatable")},
          kOutput},
         "veladesk probe example-appdeploy --url http://127.0.0.1:18080/ --requests 3000",
         ArgCompletion::AppDeployment},
        {"tree",
         "tree APP [-o json|yaml]",
         QT_TRANSLATE_NOOP("Cli", "The application's objects as a tree with their health"),
         QT_TRANSLATE_NOOP(
             "Cli",
             "Prints the objects of an application as a tree (AppDeployment, Deployments, "
             "ReplicaSets, Pods, Services, EndpointSlices, routes, Gateways) with their health, "
             "computed as kubectl rollout status and Argo CD do; broken links (a route to a "
             "missing "
             "Service, a Service selecting no pod) are nodes of their own. Exit status 0 when "
             "nothing is unhealthy, 1 when something is Degraded, Missing or Unknown, 2 on an "
             "error."),
         {kOutput},
         "veladesk tree example-app\nveladesk tree example-app -o json",
         ArgCompletion::Application},
        {"logs",
         "logs POD|pod/NAME|deployment/NAME|revision/REV [flags]",
         QT_TRANSLATE_NOOP("Cli", "Container logs, as kubectl logs (a revision: all its pods)"),
         nullptr, // its own help text (app/cli_logs.cpp)
         {{"-c", "--container", "NAME", QT_TRANSLATE_NOOP("Cli", "Container")},
          {"-p", "--previous", nullptr,
           QT_TRANSLATE_NOOP("Cli", "The previous instance of the container")},
          {"-f", "--follow", nullptr, QT_TRANSLATE_NOOP("Cli", "Keep streaming new lines")},
          {nullptr, "--tail", "N", QT_TRANSLATE_NOOP("Cli", "Only the last N lines")},
          {nullptr, "--since-time", "TIME",
           QT_TRANSLATE_NOOP("Cli", "Only lines at or after TIME (RFC 3339)")},
          {nullptr, "--timestamps", nullptr,
           QT_TRANSLATE_NOOP("Cli", "Prefix each line with its timestamp")},
          {nullptr, "--prefix", nullptr,
           QT_TRANSLATE_NOOP("Cli", "Prefix each line with [pod/NAME/CONTAINER]")},
          {nullptr, "--all-pods", nullptr,
           QT_TRANSLATE_NOOP("Cli", "deployment/NAME: every pod, not one")},
          {nullptr, "--max-log-requests", "N",
           QT_TRANSLATE_NOOP("Cli", "Most streams followed at once")}},
         "veladesk logs revision/web-v2 -f"},
        {"events",
         "events KIND/NAME [-w] [-o yaml|json]",
         QT_TRANSLATE_NOOP("Cli", "Events of one object, oldest first"),
         nullptr, // its own help text (app/cli_logs.cpp)
         {{"-w", "--watch", nullptr,
           QT_TRANSLATE_NOOP("Cli", "Keep printing new and repeated events")},
          kOutput},
         "veladesk events appdeployment/web"},
        {"version",
         "version [-o json|yaml] [--client]",
         QT_TRANSLATE_NOOP("Cli", "Client and server versions"),
         QT_TRANSLATE_NOOP(
             "Cli",
             "Prints the version of veladesk and the gitVersion of the API server (from /version). "
             "Without a reachable cluster the server's line says why, and the exit status is still "
             "0, as kubectl version."),
         {kOutput,
          {nullptr, "--client", nullptr,
           QT_TRANSLATE_NOOP("Cli", "Only the client version; no cluster needed")}},
         "veladesk version\nveladesk version -o json"},
        {"completion",
         "completion bash|zsh|fish",
         QT_TRANSLATE_NOOP("Cli", "Print a shell completion script"),
         QT_TRANSLATE_NOOP(
             "Cli",
             "Prints a completion script for bash, zsh or fish: commands, their flags, flag values "
             "and the AppDeployment names of the cluster (asked with a short timeout)."),
         {},
         QT_TRANSLATE_NOOP(
             "Cli",
             "# bash, this shell only\n"
             "source <(veladesk completion bash)\n"
             "# bash, every shell\n"
             "veladesk completion bash > ~/.local/share/bash-completion/completions/veladesk\n"
             "# zsh (a folder of your $fpath)\n"
             "veladesk completion zsh > \"${fpath[1]}/_veladesk\"\n"
             "# fish\n"
             "veladesk completion fish > ~/.config/fish/completions/veladesk.fish"),
         ArgCompletion::Shell},
        {"help",
         "help [COMMAND]",
         QT_TRANSLATE_NOOP("Cli", "Help about any command"),
         QT_TRANSLATE_NOOP("Cli",
                           "Prints the overview, or the help of one command (as COMMAND --help)."),
         {},
         "veladesk help apply",
         ArgCompletion::Command},
        {"__complete",
         "__complete WORDS...",
         QT_TRANSLATE_NOOP("Cli", "Completion candidates (used by the scripts)"),
         QT_TRANSLATE_NOOP(
             "Cli",
             "Prints the candidates for the last word of a command line, one per line, then a "
             "line \":N\" with the shell directive, as cobra's __complete does."),
         {},
         nullptr,
         ArgCompletion::None,
         nullptr,
         true},
    };
    return table;
}

const std::vector<FlagHelp>& globalFlags()
{
    static const std::vector<FlagHelp> flags = {
        {nullptr, "--kubeconfig", "PATH",
         QT_TRANSLATE_NOOP("Cli", "Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)"),
         nullptr, true},
        {nullptr, "--context", "NAME",
         QT_TRANSLATE_NOOP("Cli", "Kubeconfig context (default: current-context)")},
        {"-n", "--namespace", "NS",
         QT_TRANSLATE_NOOP("Cli", "Namespace (default: the context's, else \"default\")")},
        {"-v", "--v", "N",
         QT_TRANSLATE_NOOP(
             "Cli",
             "Log level: 6 prints each request (method, URL, status, latency), 7 its headers, 8 "
             "the bodies (secrets redacted), 9 bodies uncut"),
         "0 1 2 3 4 5 6 7 8 9"},
        {nullptr, "--no-color", nullptr,
         QT_TRANSLATE_NOOP("Cli", "No colours (also when NO_COLOR is set)")},
        {"-h", "--help", nullptr, QT_TRANSLATE_NOOP("Cli", "Help for the command")},
    };
    return flags;
}

QString helpText(const char* text)
{
    return text ? QCoreApplication::translate("Cli", text) : QString();
}

const CommandHelp* findCommand(const QString& name)
{
    for (const CommandHelp& c : commandTable())
        if (name == QLatin1String(c.name))
            return &c;
    return nullptr;
}

namespace {

QString flagColumn(const FlagHelp& f)
{
    QString s =
        f.shortName ? QLatin1String(f.shortName) + QStringLiteral(", ") : QStringLiteral("    ");
    s += QLatin1String(f.longName);
    if (f.value)
        s += QLatin1Char(' ') + QLatin1String(f.value);
    return s;
}

// Columns a character takes on a terminal: 2 for the wide East Asian ones (CJK ideographs,
// kana, hangul, fullwidth forms and punctuation), else 1.
int columns(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x1100 && u <= 0x115F) || (u >= 0x2E80 && u <= 0xA4CF) ||
                   (u >= 0xAC00 && u <= 0xD7A3) || (u >= 0xF900 && u <= 0xFAFF) ||
                   (u >= 0xFE30 && u <= 0xFE4F) || (u >= 0xFF00 && u <= 0xFF60) ||
                   (u >= 0xFFE0 && u <= 0xFFE6)
               ? 2
               : 1;
}

int columns(const QString& s)
{
    int n = 0;
    for (QChar c : s)
        n += columns(c);
    return n;
}

// Words wrapped to `width` columns, every line but the first indented by `indent`. A word of
// wide characters (a translation without spaces) breaks between any two of them, but not
// before closing punctuation.
QString wrap(const QString& text, int indent, int width = 96)
{
    QString out;
    int column = indent;
    auto newLine = [&] {
        out += QLatin1Char('\n') + QString(indent, QLatin1Char(' '));
        column = indent;
    };
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString& w : words) {
        const int wordColumns = columns(w);
        const bool breakable = wordColumns > w.size();
        if (column > indent &&
            column + 1 + (breakable ? columns(w.front()) : wordColumns) > width) {
            newLine();
        } else if (column > indent) {
            out += QLatin1Char(' ');
            ++column;
        }
        if (!breakable || column + wordColumns <= width) {
            out += w;
            column += wordColumns;
            continue;
        }
        static const QString noLineStart = QStringLiteral("，。、；：！？）」』”’》");
        for (QChar c : w) {
            // CJK punctuation that closes stays at the end of the line (may pass `width`)
            if (column + columns(c) > width && column > indent && !noLineStart.contains(c))
                newLine();
            out += c;
            column += columns(c);
        }
    }
    return out;
}

QString flagLines(const std::vector<FlagHelp>& flags)
{
    QString out;
    constexpr int column = 30;
    for (const FlagHelp& f : flags) {
        const QString left = QStringLiteral("  ") + flagColumn(f);
        out += left;
        if (left.size() >= column)
            out += QLatin1Char('\n') + QString(column, QLatin1Char(' '));
        else
            out += QString(column - left.size(), QLatin1Char(' '));
        out += wrap(helpText(f.help), column) + QLatin1Char('\n');
    }
    return out;
}

int editDistance(const QString& a, const QString& b)
{
    std::vector<int> row(size_t(b.size()) + 1);
    for (size_t j = 0; j < row.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int up = row[size_t(j)];
            row[size_t(j)] = std::min({row[size_t(j)] + 1, row[size_t(j - 1)] + 1,
                                       diagonal + (a.at(i - 1) == b.at(j - 1) ? 0 : 1)});
            diagonal = up;
        }
    }
    return row.back();
}

} // namespace

QString overviewHelp()
{
    QString out = Cli::tr("veladesk - canary rollouts of KubeVela applications on Istio\n\n"
                          "Usage: veladesk COMMAND [flags]\n"
                          "       veladesk            (no command: the desktop application)\n\n"
                          "Commands:\n");
    for (const CommandHelp& c : commandTable()) {
        if (c.hidden)
            continue;
        const QString left = QStringLiteral("  ") + QLatin1String(c.usage);
        constexpr int column = 44;
        out += left;
        if (left.size() >= column)
            out += QLatin1Char('\n') + QString(column, QLatin1Char(' '));
        else
            out += QString(column - left.size(), QLatin1Char(' '));
        out += wrap(helpText(c.summary), column) + QLatin1Char('\n');
    }
    out += Cli::tr("\nGlobal flags (every command):\n") + flagLines(globalFlags());
    out += Cli::tr(
        "\nRun 'veladesk COMMAND --help' (or 'veladesk help COMMAND') for a command's flags and "
        "examples.\nExit status: 0 on success, 1 when the operation failed or a flag is "
        "unknown, 2 on another\nbad command line; diff, as kubectl diff: 0 no differences, 1 "
        "differences found, 2 an error.\n");
    return out;
}

QString commandHelpText(const CommandHelp& c)
{
    QString out = QStringLiteral("%1\n\n").arg(helpText(c.summary));
    if (c.description)
        out += wrap(helpText(c.description), 0) + QStringLiteral("\n\n");
    out += Cli::tr("Usage:\n  veladesk %1\n").arg(QLatin1String(c.usage));
    if (!c.flags.empty())
        out += Cli::tr("\nFlags:\n") + flagLines(c.flags);
    out += Cli::tr("\nGlobal flags:\n") + flagLines(globalFlags());
    if (c.examples) {
        out += Cli::tr("\nExamples:\n");
        for (const QString& line : helpText(c.examples).split(QLatin1Char('\n')))
            out += QStringLiteral("  ") + line + QLatin1Char('\n');
    }
    return out;
}

int runHelp(const QString& command)
{
    if (command.isEmpty()) {
        printOut(overviewHelp());
        return exitOk;
    }
    const CommandHelp* c = findCommand(command);
    if (!c) {
        QString message = Cli::tr("error: unknown command \"%1\" for \"veladesk\"\n").arg(command);
        if (const QString near = closestCommand(command); !near.isEmpty())
            message += Cli::tr("\nDid you mean this?\n\t%1\n").arg(near);
        message += Cli::tr("Run 'veladesk help' for the commands.\n");
        QTextStream(stderr) << message;
        return exitFailure;
    }
    if (!c->description) // logs, events: their own text
        return runLogsCommand({QStringLiteral("veladesk"), command, QStringLiteral("--help")}, 1);
    printOut(commandHelpText(*c));
    return exitOk;
}

int unknownFlag(const QString& command, const QString& flag)
{
    QString message = Cli::tr("error: unknown flag: %1\n").arg(flag);
    const QString name = flag.section(QLatin1Char('='), 0, 0);
    QString best;
    int bestDistance = 3;
    if (const CommandHelp* c = findCommand(command)) {
        std::vector<FlagHelp> all = c->flags;
        all.insert(all.end(), globalFlags().begin(), globalFlags().end());
        for (const FlagHelp& f : all) {
            const int d = editDistance(name, QLatin1String(f.longName));
            if (d < bestDistance) {
                bestDistance = d;
                best = QLatin1String(f.longName);
            }
        }
    }
    if (!best.isEmpty())
        message += Cli::tr("Did you mean %1?\n").arg(best);
    message += findCommand(command) ? Cli::tr("See 'veladesk %1 --help' for usage.\n").arg(command)
                                    : Cli::tr("See 'veladesk --help' for usage.\n");
    QTextStream(stderr) << message;
    return exitFailure;
}

QString closestCommand(const QString& word)
{
    QString best;
    int bestDistance = 3;
    for (const CommandHelp& c : commandTable()) {
        if (c.hidden)
            continue;
        const QString name = QLatin1String(c.name);
        const int d = name.startsWith(word) ? 0 : editDistance(word, name);
        if (d < bestDistance) {
            bestDistance = d;
            best = name;
        }
    }
    return best;
}

QString takeGlobalFlags(QStringList* args)
{
    static const QRegularExpression level(QStringLiteral("^(?:-v|--v)(?:=(.*)|(\\d+))?$"));
    QString error;
    for (qsizetype i = 1; i < args->size();) {
        const QString& a = args->at(i);
        // The rest belongs to the command; __complete's words are a command line being typed.
        if (a == QLatin1String("--") || a == QLatin1String("__complete"))
            break;
        if (a == QLatin1String("--no-color")) {
            g_noColorFlag = true;
            args->removeAt(i);
            continue;
        }
        const QRegularExpressionMatch m = level.match(a);
        if (!m.hasMatch()) {
            ++i;
            continue;
        }
        QString value = m.hasCaptured(1) ? m.captured(1) : m.captured(2);
        qsizetype take = 1;
        if (!m.hasCaptured(1) && !m.hasCaptured(2)) { // "-v 6", "--v 6"
            if (i + 1 >= args->size())
                return Cli::tr("flag %1 needs a value (a log level, 0 to 9)").arg(a);
            value = args->at(i + 1);
            take = 2;
        }
        bool ok = false;
        const int n = value.toInt(&ok);
        if (!ok || n < 0)
            return Cli::tr("invalid argument \"%1\" for \"-v, --v\" flag: a log level is "
                           "a number, 0 to 9")
                .arg(value);
        kube::setVerbosity(std::min(n, 10));
        for (qsizetype k = 0; k < take; ++k)
            args->removeAt(i);
    }
    return error;
}

bool isTerminal(int fd)
{
    return ::isatty(fd) == 1;
}

bool useColor(int fd)
{
    if (g_noColorFlag || qEnvironmentVariableIsSet("NO_COLOR"))
        return false;
    if (qEnvironmentVariable("TERM") == QLatin1String("dumb"))
        return false;
    return isTerminal(fd);
}

} // namespace veladesk::cli
