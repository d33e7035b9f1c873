#include "app/cli.h"

#include "app/cli_help.h"

#include "kube/rollout/multicluster.h"
#include "kube/rollout/offline.h"
#include "kube/rollout/routing.h"
#include "kube/yamljson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTextStream>
#include <atomic>
#include <csignal>
#include <cstdio>

namespace veladesk {

namespace {

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
    QString unknownFlag; // kubectl's "error: unknown flag: --x", exit 1
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
        cli::FlagArg f(rest, i);
        const QString arg = f.name;
        const QString& value = f.value;
        const bool hasInlineValue = f.inlineValue;
        auto takeValue = [&](QString* out) {
            if (f.take(out))
                return true;
            r.error = f.error;
            return false;
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
            if (o.output == QLatin1String("table")) {
                o.output.clear(); // the default human-readable output
            } else if (o.output != QLatin1String("yaml") && o.output != QLatin1String("json")) {
                r.error =
                    cli::Cli::tr("--output must be yaml, json or table, not \"%1\"").arg(o.output);
                return r;
            }
        } else if (arg == QLatin1String("--dry-run")) {
            if (hasInlineValue && value != QLatin1String("server") &&
                value != QLatin1String("true")) {
                r.error = cli::Cli::tr("--dry-run accepts no value, \"server\" or \"true\"");
                return r;
            }
            o.dryRun = true;
        } else if (arg == QLatin1String("--force")) {
            o.force = true;
        } else if (arg == QLatin1String("--full")) {
            o.full = true;
        } else if (arg == QLatin1String("--adopt")) {
            o.adopt = true;
        } else if (arg == QLatin1String("--client") && o.command == QLatin1String("version")) {
            o.clientOnly = true;
        } else if (arg == QLatin1String("--timeout")) {
            QString t;
            if (!takeValue(&t))
                return r;
            o.timeoutGiven = true;
            o.timeoutSeconds = parseDuration(t);
            if (o.timeoutSeconds == -2) {
                r.error = cli::Cli::tr("--timeout: \"%1\" is longer than the maximum, 168h "
                                       "(a week)")
                              .arg(t);
                return r;
            }
            if (o.timeoutSeconds < 0) {
                r.error =
                    QStringLiteral("--timeout: \"%1\" is not a duration such as 90s or 5m").arg(t);
                return r;
            }
        } else if (arg == QLatin1String("--history-limit")) {
            QString n;
            if (!takeValue(&n))
                return r;
            bool ok = false;
            o.historyLimit = n.toInt(&ok);
            if (!ok || o.historyLimit < 1 || o.historyLimit > 1000) {
                r.error = cli::Cli::tr("--history-limit takes a number from 1 to 1000");
                return r;
            }
        } else if (arg == QLatin1String("--kubevela")) {
            if (!takeValue(&o.kubevela))
                return r;
            if (o.kubevela != QLatin1String("auto") && o.kubevela != QLatin1String("present") &&
                o.kubevela != QLatin1String("absent")) {
                r.error = cli::Cli::tr("--kubevela must be auto, present or absent");
                return r;
            }
        } else if (arg == QLatin1String("--scale-down-delay")) {
            QString t;
            if (!takeValue(&t))
                return r;
            o.scaleDownDelaySeconds = parseDuration(t);
            if (o.scaleDownDelaySeconds < 0) {
                r.error =
                    cli::Cli::tr("--scale-down-delay: \"%1\" is not a duration such as 5s").arg(t);
                return r;
            }
        } else if (arg == QLatin1String("--routing")) {
            if (!takeValue(&o.routing))
                return r;
            if (!kube::rollout::parseRoutingApi(o.routing)) {
                r.error = cli::Cli::tr("--routing must be virtualservice or httproute, not "
                                       "\"%1\"")
                              .arg(o.routing);
                return r;
            }
        } else if (arg == QLatin1String("--url")) {
            if (!takeValue(&o.url))
                return r;
        } else if (arg == QLatin1String("--host")) {
            if (!takeValue(&o.host))
                return r;
        } else if (arg == QLatin1String("--header")) {
            if (!takeValue(&o.header))
                return r;
        } else if (arg == QLatin1String("--fingerprint")) {
            QString f;
            if (!takeValue(&f))
                return r;
            if (!f.contains(QLatin1Char('=')) || f.startsWith(QLatin1Char('=')) ||
                f.endsWith(QLatin1Char('='))) {
                r.error = cli::Cli::tr("--fingerprint takes REVISION=TEXT, not \"%1\"").arg(f);
                return r;
            }
            o.fingerprints << f;
        } else if (arg == QLatin1String("--cluster")) {
            QString c;
            if (!takeValue(&c))
                return r;
            if (kube::Result<kube::rollout::ClusterContexts> m =
                    kube::rollout::ClusterContexts::parse({c});
                !m) {
                r.error = m.status.message;
                return r;
            }
            o.clusters << c;
        } else if (arg == QLatin1String("--requests") || arg == QLatin1String("--concurrency")) {
            QString v;
            if (!takeValue(&v))
                return r;
            bool ok = false;
            const int n = v.toInt(&ok);
            if (!ok || n < 1) {
                r.error = cli::Cli::tr("%1 takes a positive number, not \"%2\"").arg(arg, v);
                return r;
            }
            (arg == QLatin1String("--requests") ? o.requests : o.concurrency) = n;
        } else if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1) {
            r.unknownFlag = rest.at(i);
            r.error = cli::Cli::tr("unknown flag %1").arg(arg);
            return r;
        } else {
            o.positional << arg;
        }
    }
    return r;
}

} // namespace

namespace cli {

int parseTimeout(const QString& text)
{
    return parseDuration(text);
}

FlagArg::FlagArg(const QStringList& args, qsizetype& i, qsizetype commandAt)
    : name(args.at(i)), m_args(args), m_i(i), m_commandAt(commandAt)
{
    if (name.startsWith(QLatin1String("--")) && name.contains(QLatin1Char('='))) {
        value = name.section(QLatin1Char('='), 1);
        name = name.section(QLatin1Char('='), 0, 0);
        inlineValue = true;
    }
}

bool FlagArg::take(QString* out)
{
    if (inlineValue) {
        *out = value;
        return true;
    }
    if (m_i + 1 >= m_args.size() || m_i + 1 == m_commandAt) {
        error = Cli::tr("flag %1 needs a value").arg(name);
        return false;
    }
    *out = m_args.at(++m_i);
    return true;
}

bool FlagArg::flag(bool* out)
{
    if (!inlineValue) {
        *out = true;
        return true;
    }
    if (value == QLatin1String("true") || value == QLatin1String("false")) {
        *out = value == QLatin1String("true");
        return true;
    }
    error = Cli::tr("flag %1 takes true or false, not \"%2\"").arg(name, value);
    return false;
}

namespace {

std::atomic<void*> g_interruptedJob{nullptr};
std::atomic<void (*)(void*)> g_cancelJob{nullptr};

extern "C" void onInterrupt(int)
{
    void* job = g_interruptedJob.load();
    void (*cancel)(void*) = g_cancelJob.load();
    if (job && cancel)
        cancel(job);
}

} // namespace

CancelOnInterrupt::CancelOnInterrupt(void* job, void (*cancel)(void*))
{
    g_cancelJob = cancel;
    g_interruptedJob = job;
    m_previousInt = std::signal(SIGINT, onInterrupt);
    m_previousTerm = std::signal(SIGTERM, onInterrupt);
}

CancelOnInterrupt::~CancelOnInterrupt()
{
    std::signal(SIGINT, m_previousInt);
    std::signal(SIGTERM, m_previousTerm);
    g_interruptedJob = nullptr;
}

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
        printError(cli::Cli::tr("render: give the input files with -f FILE"));
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
    // Offline there is no current context: the home cluster is --context's cluster name (through
    // --cluster), else unnamed (placements without clusterSelector.name).
    kube::Result<kube::rollout::ClusterContexts> contexts =
        kube::rollout::ClusterContexts::parse(options.clusters);
    if (!contexts) {
        printError(contexts.status.message);
        return exitUsage;
    }
    const QString home =
        options.context.isEmpty() ? QString() : contexts.value.clusterOf(options.context);
    kube::Result<kube::rollout::OfflineRender> r = kube::rollout::renderOffline(
        docs, ns, kube::rollout::parseRoutingApi(options.routing), home);
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
        printError(cli::Cli::tr("the plan is invalid:\n  ") + errors.join(QStringLiteral("\n  ")));
        return exitFailure;
    }
    if (r.value.plans.isEmpty()) {
        printError(cli::Cli::tr("render: no AppDeployment among the input files"));
        return exitFailure;
    }
    auto clusterText = [&](const QString& cluster) {
        return cluster.isEmpty() ? QStringLiteral("(home: the current context)")
                                 : QStringLiteral("%1 (context %2)")
                                       .arg(cluster, contexts.value.contextOf(cluster));
    };
    if (options.output == QLatin1String("json")) {
        QJsonArray items;
        for (qsizetype i = 0; i < r.value.objects.size(); ++i) {
            QJsonObject o = r.value.objects.at(i);
            if (r.value.multiCluster) {
                // Render-only marker of the cluster an object goes to (never applied).
                QJsonObject meta = o.value(QLatin1String("metadata")).toObject();
                QJsonObject ann = meta.value(QLatin1String("annotations")).toObject();
                ann.insert(QStringLiteral("veladesk.io/cluster"), r.value.objectClusters.value(i));
                meta.insert(QStringLiteral("annotations"), ann);
                o.insert(QStringLiteral("metadata"), meta);
            }
            items.append(o);
        }
        const QJsonObject list{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                               {QStringLiteral("kind"), QStringLiteral("List")},
                               {QStringLiteral("items"), items}};
        printOut(QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Indented)));
    } else if (r.value.multiCluster) {
        // One section per cluster, each document commented with the cluster it goes to.
        QString text;
        QString section;
        for (qsizetype i = 0; i < r.value.objects.size(); ++i) {
            const QString cluster = r.value.objectClusters.value(i);
            if (i == 0 || cluster != section)
                text += QStringLiteral("# ---- cluster %1 ----\n").arg(clusterText(cluster));
            section = cluster;
            QString doc =
                QString::fromUtf8(kube::toYaml(QList<QJsonObject>{r.value.objects.at(i)}));
            if (doc.startsWith(QLatin1String("---\n")))
                doc = doc.mid(4);
            text += QStringLiteral("---\n# cluster: %1\n").arg(clusterText(cluster)) + doc;
        }
        printOut(text);
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
    QStringList withoutGlobals = args;
    if (!cli::takeGlobalFlags(&withoutGlobals).isEmpty())
        return true; // a malformed -v: said by runCli
    return commandIndex(withoutGlobals) > 0;
}

int runCli(const QStringList& givenArgs)
{
    QStringList args = givenArgs;
    if (const QString error = cli::takeGlobalFlags(&args); !error.isEmpty()) {
        QTextStream(stderr) << "error: " << error << '\n'
                            << cli::Cli::tr("See 'veladesk --help' for usage.\n");
        return cli::exitFailure;
    }
    if (const qsizetype at = commandIndex(args); at > 0) {
        if (cli::isLogsCommand(args.at(at)))
            return cli::runLogsCommand(args, at);
        if (cli::isHistoryCommand(args.at(at)))
            return cli::runHistoryCommand(args, at);
        if (args.at(at) == QLatin1String("__complete"))
            return cli::runComplete(args.mid(at + 1));
    }
    const ParseResult parsed = parse(args);
    const cli::Options& o = parsed.options;
    if (o.command.isEmpty() || o.command == QLatin1String("help") || o.help) {
        if (!parsed.unknownFlag.isEmpty())
            return cli::unknownFlag(o.command, parsed.unknownFlag);
        // Help wins over other mistakes on the line (as kubectl: `get -o xml --help`).
        // `help COMMAND`, `COMMAND --help`; `help --help` is help's own.
        QString topic = o.command;
        if (o.command == QLatin1String("help") && (!o.help || !o.positional.isEmpty()))
            topic = o.positional.value(0);
        return cli::runHelp(topic);
    }
    if (!parsed.unknownFlag.isEmpty())
        return cli::unknownFlag(o.command, parsed.unknownFlag);
    if (!parsed.error.isEmpty()) {
        cli::printError(parsed.error + cli::Cli::tr("\n(see `veladesk help`)"));
        return cli::exitUsage;
    }
    if (o.command == QLatin1String("render"))
        return cli::runRender(o);
    if (o.command == QLatin1String("setup"))
        return cli::runSetup(o);
    if (o.command == QLatin1String("app")) {
        if (o.positional.value(0) != QLatin1String("apply")) {
            cli::printError(cli::Cli::tr("usage: veladesk app apply -f APP.yaml"));
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
    if (o.command == QLatin1String("probe"))
        return cli::runProbe(o);
    if (o.command == QLatin1String("version"))
        return cli::runVersion(o);
    if (o.command == QLatin1String("completion"))
        return cli::runCompletion(o);
    QString unknown = cli::Cli::tr("unknown command \"%1\"").arg(o.command);
    if (const QString near = cli::closestCommand(o.command); !near.isEmpty())
        unknown += cli::Cli::tr("; did you mean \"%1\"?").arg(near);
    cli::printError(unknown + QStringLiteral(" (see `veladesk help`)"));
    return cli::exitUsage;
}

} // namespace veladesk
