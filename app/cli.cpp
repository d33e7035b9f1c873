#include "app/cli.h"

#include "kube/rollout/offline.h"
#include "kube/yamljson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTextStream>
#include <cstdio>

namespace veladesk {

namespace {

const char kUsage[] = R"(veladesk - canary rollouts of KubeVela applications on Istio

Usage: veladesk <command> [flags]
       veladesk            (no command: the desktop application)

Commands:
  render -f FILE...        Render Application/AppDeployment files offline to the objects
                           VelaDesk would apply (no cluster needed)
  setup                    Install the AppDeployment CRD where it is missing
  app apply -f APP.yaml    Apply an Application; records its ApplicationRevision as KubeVela
                           would when KubeVela's controller does not run in the cluster
  revisions APP            List the ApplicationRevisions of an Application
  diff -f PLAN.yaml        Show live vs planned objects (after a server-side dry-run)
  apply -f PLAN.yaml       Apply an AppDeployment plan in safe order (make before break),
                           printing each step; one apply per AppDeployment at a time
  status NAME              Phase, conditions, per-revision replicas and weights, an apply in
                           progress (by whom, since when) or an interrupted one
  reapply NAME             Apply the AppDeployment's stored plan again (finish an
                           interrupted apply)
  revert NAME              Apply the last plan that was applied to completion again
  logs POD|deployment/NAME|revision/REV [-c C] [-p] [-f] [--tail N] [--since-time T]
       [--timestamps]      Container logs, as kubectl logs (a revision: all its pods)
  events KIND/NAME [-w]    Events of one object, oldest first
  tree APP                 The application's objects as a tree with their health (Deployments,
                           ReplicaSets, Pods, Services, EndpointSlices, routes, Gateways);
                           exit status 1 when anything is Degraded, Missing or Unknown
  help                     This text

Flags:
  --kubeconfig PATH        Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)
  --context NAME           Kubeconfig context (default: current-context)
  -n, --namespace NS       Namespace (default: the context's, else "default")
  -f, --filename FILE      Input file; repeatable
  -o, --output yaml|json   Output format of data (render, revisions, diff, status, tree)
  --dry-run                apply: validate, check ownership and server-side dry-run only
  --force                  apply: do not wait for ready replicas before routing traffic
  --adopt                  apply: take over objects of the same name owned by others
  --timeout DURATION       apply: how long to wait for ready replicas and endpoints and to
                           retry while the API server does not answer, e.g. 90s, 5m (default 5m)
  --kubevela auto|present|absent
                           app apply: whether KubeVela's controller records revisions
                           (default: detect a vela-core Deployment in vela-system)

Exit status: 0 on success, 1 when the operation failed, 2 on a bad command line;
diff, as kubectl diff: 0 no differences, 1 differences found, 2 an error;
tree: 0 all healthy, 1 something unhealthy, 2 an error.
)";

// The longest --timeout accepted: a week (the readiness wait is counted in milliseconds).
constexpr qint64 kMaxTimeoutSeconds = 7 * 24 * 3600;

// "90", "90s", "5m", "1h", "1m30s" -> seconds; -1 when malformed, -2 when longer than
// kMaxTimeoutSeconds (counted without overflow: every number is checked before it is added).
int parseDuration(const QString& text)
{
    static const QRegularExpression plain(QStringLiteral("^\\d+$"));
    static const QRegularExpression part(QStringLiteral("(\\d+)(h|m|s)"));
    auto number = [](const QString& digits) -> qint64 {
        bool ok = false;
        const qint64 n = digits.toLongLong(&ok);
        return ok && n <= kMaxTimeoutSeconds ? n : kMaxTimeoutSeconds + 1;
    };
    if (plain.match(text).hasMatch()) {
        const qint64 n = number(text);
        return n > kMaxTimeoutSeconds ? -2 : int(n);
    }
    qint64 total = 0;
    qsizetype pos = 0;
    auto it = part.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedStart() != pos)
            return -1;
        pos = m.capturedEnd();
        const qint64 n = number(m.captured(1));
        const QString unit = m.captured(2);
        total += n * (unit == QLatin1String("h") ? 3600 : unit == QLatin1String("m") ? 60 : 1);
        if (total > kMaxTimeoutSeconds)
            total = kMaxTimeoutSeconds + 1; // stays far from overflowing
    }
    if (pos != text.size() || pos == 0)
        return -1;
    return total > kMaxTimeoutSeconds ? -2 : int(total);
}

struct ParseResult
{
    cli::Options options;
    QString error;
};

// Index in args of the command word. Like kubectl, the connection flags (--kubeconfig,
// --context, -n/--namespace) may come before it; -1 when no command word is found.
qsizetype commandIndex(const QStringList& args)
{
    static const QStringList valueFlags = {QStringLiteral("--kubeconfig"),
                                           QStringLiteral("--context"), QStringLiteral("-n"),
                                           QStringLiteral("--namespace")};
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString& a = args.at(i);
        if (!a.startsWith(QLatin1Char('-')))
            return i;
        if (valueFlags.contains(a))
            ++i; // skip its value
        else if (!a.contains(QLatin1Char('=')) ||
                 !valueFlags.contains(a.section(QLatin1Char('='), 0, 0)))
            return -1;
    }
    return -1;
}

ParseResult parse(const QStringList& args)
{
    ParseResult r;
    cli::Options& o = r.options;
    QStringList rest = args.mid(1);
    if (const qsizetype at = commandIndex(args); at > 0)
        o.command = rest.takeAt(at - 1);
    for (qsizetype i = 0; i < rest.size(); ++i) {
        QString arg = rest.at(i);
        QString value;
        bool hasInlineValue = false;
        if (arg.startsWith(QLatin1String("--")) && arg.contains(QLatin1Char('='))) {
            value = arg.section(QLatin1Char('='), 1);
            arg = arg.section(QLatin1Char('='), 0, 0);
            hasInlineValue = true;
        }
        auto takeValue = [&](QString* out) {
            if (hasInlineValue) {
                *out = value;
                return true;
            }
            if (i + 1 >= rest.size()) {
                r.error = QStringLiteral("flag %1 needs a value").arg(arg);
                return false;
            }
            *out = rest.at(++i);
            return true;
        };
        if (arg == QLatin1String("-h") || arg == QLatin1String("--help")) {
            o.help = true;
        } else if (arg == QLatin1String("--kubeconfig")) {
            if (!takeValue(&o.kubeconfig))
                return r;
        } else if (arg == QLatin1String("--context")) {
            if (!takeValue(&o.context))
                return r;
        } else if (arg == QLatin1String("-n") || arg == QLatin1String("--namespace")) {
            if (!takeValue(&o.namespaceName))
                return r;
        } else if (arg == QLatin1String("-f") || arg == QLatin1String("--filename")) {
            QString f;
            if (!takeValue(&f))
                return r;
            o.files << f;
        } else if (arg == QLatin1String("-o") || arg == QLatin1String("--output")) {
            if (!takeValue(&o.output))
                return r;
            if (o.output != QLatin1String("yaml") && o.output != QLatin1String("json")) {
                r.error = QStringLiteral("--output must be yaml or json, not \"%1\"").arg(o.output);
                return r;
            }
        } else if (arg == QLatin1String("--dry-run")) {
            if (hasInlineValue && value != QLatin1String("server") &&
                value != QLatin1String("true")) {
                r.error = QStringLiteral("--dry-run accepts no value, \"server\" or \"true\"");
                return r;
            }
            o.dryRun = true;
        } else if (arg == QLatin1String("--force")) {
            o.force = true;
        } else if (arg == QLatin1String("--adopt")) {
            o.adopt = true;
        } else if (arg == QLatin1String("--timeout")) {
            QString t;
            if (!takeValue(&t))
                return r;
            o.timeoutSeconds = parseDuration(t);
            if (o.timeoutSeconds == -2) {
                r.error = QStringLiteral("--timeout: \"%1\" is longer than the maximum, 168h "
                                         "(a week)")
                              .arg(t);
                return r;
            }
            if (o.timeoutSeconds < 0) {
                r.error =
                    QStringLiteral("--timeout: \"%1\" is not a duration such as 90s or 5m").arg(t);
                return r;
            }
        } else if (arg == QLatin1String("--kubevela")) {
            if (!takeValue(&o.kubevela))
                return r;
            if (o.kubevela != QLatin1String("auto") && o.kubevela != QLatin1String("present") &&
                o.kubevela != QLatin1String("absent")) {
                r.error = QStringLiteral("--kubevela must be auto, present or absent");
                return r;
            }
        } else if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1) {
            r.error = QStringLiteral("unknown flag %1").arg(arg);
            return r;
        } else {
            o.positional << arg;
        }
    }
    return r;
}

} // namespace

namespace cli {

void printError(const QString& message)
{
    QTextStream err(stderr);
    err << "veladesk: " << message;
    if (!message.endsWith(QLatin1Char('\n')))
        err << '\n';
}

void printOut(const QString& text)
{
    QTextStream out(stdout);
    out << text;
}

int runRender(const Options& options)
{
    QStringList files = options.files + options.positional;
    if (files.isEmpty()) {
        printError(QStringLiteral("render: give the input files with -f FILE"));
        return exitUsage;
    }
    QList<kube::rollout::SourceDocument> docs;
    for (const QString& file : files) {
        kube::Result<QList<QJsonObject>> parsed = kube::parseYamlFile(file);
        if (!parsed) {
            printError(parsed.status.toString());
            return exitFailure;
        }
        for (const QJsonObject& o : parsed.value)
            docs << kube::rollout::SourceDocument{file, o};
    }
    const QString ns =
        options.namespaceName.isEmpty() ? QStringLiteral("default") : options.namespaceName;
    kube::Result<kube::rollout::OfflineRender> r = kube::rollout::renderOffline(docs, ns);
    if (!r) {
        printError(r.status.message);
        return exitFailure;
    }
    for (const kube::rollout::Issue& i : r.value.issues)
        if (!i.isError())
            printError(i.toString());
    if (!r.value.ok()) {
        QStringList errors;
        for (const kube::rollout::Issue& i : r.value.issues)
            if (i.isError())
                errors << i.toString();
        printError(QStringLiteral("the plan is invalid:\n  ") +
                   errors.join(QStringLiteral("\n  ")));
        return exitFailure;
    }
    if (r.value.plans.isEmpty()) {
        printError(QStringLiteral("render: no AppDeployment among the input files"));
        return exitFailure;
    }
    if (options.output == QLatin1String("json")) {
        QJsonArray items;
        for (const QJsonObject& o : r.value.objects)
            items.append(o);
        const QJsonObject list{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                               {QStringLiteral("kind"), QStringLiteral("List")},
                               {QStringLiteral("items"), items}};
        printOut(QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Indented)));
    } else {
        printOut(QString::fromUtf8(kube::toYaml(r.value.objects)));
    }
    return exitOk;
}

} // namespace cli

bool isCliCommand(const QStringList& args)
{
    if (args.size() < 2)
        return false;
    if (args.at(1) == QLatin1String("--help") || args.at(1) == QLatin1String("-h"))
        return true;
    // Any command word, known or not, belongs to the command line: a mistyped command gets
    // "unknown command" rather than a window. The GUI takes no positional arguments.
    return commandIndex(args) > 0;
}

int runCli(const QStringList& args)
{
    if (const qsizetype at = commandIndex(args); at > 0 && cli::isLogsCommand(args.at(at)))
        return cli::runLogsCommand(args, at);
    const ParseResult parsed = parse(args);
    const cli::Options& o = parsed.options;
    if (o.command.isEmpty() || o.command == QLatin1String("help") || o.help) {
        QTextStream(stdout) << kUsage;
        return parsed.error.isEmpty() ? cli::exitOk : cli::exitUsage;
    }
    if (!parsed.error.isEmpty()) {
        cli::printError(parsed.error + QStringLiteral("\n(see `veladesk help`)"));
        return cli::exitUsage;
    }
    if (o.command == QLatin1String("render"))
        return cli::runRender(o);
    if (o.command == QLatin1String("setup"))
        return cli::runSetup(o);
    if (o.command == QLatin1String("app")) {
        if (o.positional.value(0) != QLatin1String("apply")) {
            cli::printError(QStringLiteral("usage: veladesk app apply -f APP.yaml"));
            return cli::exitUsage;
        }
        return cli::runAppApply(o);
    }
    if (o.command == QLatin1String("revisions"))
        return cli::runRevisions(o);
    if (o.command == QLatin1String("diff"))
        return cli::runDiff(o);
    if (o.command == QLatin1String("apply"))
        return cli::runApply(o);
    if (o.command == QLatin1String("status"))
        return cli::runStatus(o);
    if (o.command == QLatin1String("reapply"))
        return cli::runReapply(o);
    if (o.command == QLatin1String("revert"))
        return cli::runRevert(o);
    if (o.command == QLatin1String("tree"))
        return cli::runTree(o);
    cli::printError(QStringLiteral("unknown command \"%1\" (see `veladesk help`)").arg(o.command));
    return cli::exitUsage;
}

} // namespace veladesk
