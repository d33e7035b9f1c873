// `veladesk logs` and `veladesk events`: kubectl's conventions, on kube/podlogs.h and
// kube/events.h. Their flags differ from the other commands' (-f is --follow, as in kubectl
// logs), so they parse their own command line.

#include "app/cli.h"
#include "app/cli_help.h"

#include "kube/client.h"
#include "kube/events.h"
#include "kube/podlogs.h"
#include "kube/yamljson.h"
#include "models/kubeobjects.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTextStream>
#include <cstdio>

namespace veladesk::cli {

namespace {

struct LogsArgs
{
    QString kubeconfig, context, namespaceName;
    QStringList positional;
    // logs
    QString container;
    bool previous = false;
    bool follow = false;
    qint64 tail = -1;
    QDateTime sinceTime;
    bool timestamps = false;
    bool prefix = false;
    bool allPods = false;
    int maxLogRequests = 5;
    // events
    bool watch = false;
    QString output;
    bool help = false;
    QString unknownFlag; // kubectl's "error: unknown flag: --x" (app/cli_help.cpp)
};

const char kLogsUsage[] = QT_TRANSLATE_NOOP(
    "Cli", R"(Usage: veladesk logs POD|pod/NAME|deployment/NAME|revision/REV [flags]

Print the logs of a container (as kubectl logs does). deployment/NAME shows one of its pods
(a running, ready one first, then the oldest) unless --all-pods; revision/REV shows every pod
of that ApplicationRevision (label app.oam.dev/appRevision), each line prefixed with
[pod/NAME/CONTAINER]. A followed log that drops (API server restart, network) is resumed from
the last line's timestamp without repeating or losing lines.

Flags:
  -c, --container NAME     Container (default: kubectl.kubernetes.io/default-container, else
                           the first)
  -p, --previous           The previous instance of the container
  -f, --follow             Keep streaming new lines
  --tail N                 Only the last N lines (default -1: all)
  --since-time TIME        Only lines at or after TIME (RFC 3339)
  --timestamps             Prefix each line with its timestamp
  --prefix                 Prefix each line with [pod/NAME/CONTAINER] (on for several pods)
  --all-pods               deployment/NAME: every pod, not one
  --max-log-requests N     Most streams followed at once (default 5)
  --kubeconfig, --context, -n/--namespace as for every command
)");

const char kEventsUsage[] =
    QT_TRANSLATE_NOOP("Cli", R"(Usage: veladesk events KIND/NAME [-w] [-o yaml|json]

List the events of one object, oldest first, including those from before now (core/v1
Events selected by involvedObject kind, name, namespace and uid), as kubectl events does.
KIND is a kind or resource name (pod, deployment, deploy, svc, rs, application,
applicationrevision, appdeployment, virtualservice, node, ...).

Flags:
  -w, --watch              Keep printing new and repeated events
  -o, --output yaml|json   The events as a v1 List
  --kubeconfig, --context, -n/--namespace as for every command
)");

// Returns an error message, or "" when the command line is fine.
QString parseArgs(const QStringList& args, qsizetype commandAt, bool logs, LogsArgs* a)
{
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (i == commandAt)
            continue;
        FlagArg f(args, i, commandAt);
        const QString arg = f.name;
        QString& error = f.error;
        auto take = [&](QString* out) { return f.take(out); };
        auto flag = [&](bool* out) { return f.flag(out); };
        QString v;
        if (arg == QLatin1String("-h") || arg == QLatin1String("--help")) {
            a->help = true;
        } else if (arg == QLatin1String("--kubeconfig")) {
            take(&a->kubeconfig);
        } else if (arg == QLatin1String("--context")) {
            take(&a->context);
        } else if (arg == QLatin1String("-n") || arg == QLatin1String("--namespace")) {
            take(&a->namespaceName);
        } else if (logs && (arg == QLatin1String("-c") || arg == QLatin1String("--container"))) {
            take(&a->container);
        } else if (logs && (arg == QLatin1String("-p") || arg == QLatin1String("--previous"))) {
            flag(&a->previous);
        } else if (logs && (arg == QLatin1String("-f") || arg == QLatin1String("--follow"))) {
            flag(&a->follow);
        } else if (logs && arg == QLatin1String("--timestamps")) {
            flag(&a->timestamps);
        } else if (logs && arg == QLatin1String("--prefix")) {
            flag(&a->prefix);
        } else if (logs && arg == QLatin1String("--all-pods")) {
            flag(&a->allPods);
        } else if (logs && arg == QLatin1String("--tail")) {
            if (take(&v)) {
                bool ok = false;
                a->tail = v.toLongLong(&ok);
                if (!ok || a->tail < -1)
                    error =
                        cli::Cli::tr("--tail takes a number of lines (-1: all), not \"%1\"").arg(v);
            }
        } else if (logs && arg == QLatin1String("--since-time")) {
            if (take(&v)) {
                a->sinceTime = QDateTime::fromString(v, Qt::ISODateWithMs);
                if (!a->sinceTime.isValid() || !v.contains(QLatin1Char('T')))
                    error = cli::Cli::tr("--since-time takes an RFC 3339 time such as "
                                         "2024-05-01T10:00:00Z, not \"%1\"")
                                .arg(v);
            }
        } else if (logs && arg == QLatin1String("--max-log-requests")) {
            if (take(&v)) {
                bool ok = false;
                a->maxLogRequests = v.toInt(&ok);
                if (!ok || a->maxLogRequests < 1)
                    error = cli::Cli::tr("--max-log-requests takes a positive number, not "
                                         "\"%1\"")
                                .arg(v);
            }
        } else if (!logs && (arg == QLatin1String("-w") || arg == QLatin1String("--watch"))) {
            flag(&a->watch);
        } else if (!logs && (arg == QLatin1String("-o") || arg == QLatin1String("--output"))) {
            if (take(&a->output) && a->output != QLatin1String("yaml") &&
                a->output != QLatin1String("json"))
                error = cli::Cli::tr("-o takes yaml or json, not \"%1\"").arg(a->output);
        } else if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1) {
            a->unknownFlag = args.at(i);
            error = cli::Cli::tr("unknown flag %1").arg(arg);
        } else {
            a->positional << arg;
        }
        if (!error.isEmpty())
            return error;
    }
    return {};
}

std::shared_ptr<kube::Client> connectFrom(const LogsArgs& a)
{
    Options o;
    o.kubeconfig = a.kubeconfig;
    o.context = a.context;
    o.namespaceName = a.namespaceName;
    return connectOrFail(o);
}

void writeOut(const QByteArray& bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

// One container's log on stdout, as its lines arrive.
struct LogPrinter
{
    kube::PodLogStream* stream = nullptr;
    QByteArray prefix;
    bool timestamps = false;
    bool warnedCut = false;
};

int runLogs(const QStringList& args, qsizetype commandAt)
{
    LogsArgs a;
    const QString error = parseArgs(args, commandAt, true, &a);
    if (!a.unknownFlag.isEmpty())
        return unknownFlag(QStringLiteral("logs"), a.unknownFlag);
    if (a.help) {
        QTextStream(stdout) << helpText(kLogsUsage);
        return error.isEmpty() ? exitOk : exitUsage;
    }
    if (!error.isEmpty()) {
        printError(error + cli::Cli::tr("\n(see `veladesk logs --help`)"));
        return exitUsage;
    }
    if (a.positional.size() != 1) {
        printError(cli::Cli::tr("logs: give one POD, deployment/NAME or revision/REV (see "
                                "`veladesk logs --help`)"));
        return exitUsage;
    }
    std::shared_ptr<kube::Client> client = connectFrom(a);
    if (!client)
        return exitFailure;
    const QString ns = client->defaultNamespace();
    kube::Result<kube::LogTargetPods> target =
        kube::resolveLogTarget(client, ns, a.positional.first(), a.allPods).result();
    if (!target) {
        printError(target.status.toString());
        return exitFailure;
    }
    const bool prefix = a.prefix || target.value.multiple;
    if (a.follow && target.value.pods.size() > a.maxLogRequests) {
        printError(cli::Cli::tr("you are attempting to follow %1 log streams, but the most "
                                "allowed at once is %2; use --max-log-requests to raise it")
                       .arg(target.value.pods.size())
                       .arg(a.maxLogRequests));
        return exitFailure;
    }

    kube::PodLogOptions options;
    options.previous = a.previous;
    options.follow = a.follow;
    options.tailLines = a.tail;
    options.sinceTime = a.sinceTime;
    // The command line prints every line it receives; the ring only bounds what waits.
    kube::PodLogLimits limits;
    limits.maxLines = 200000;
    limits.maxBytes = 128 * 1024 * 1024;
    limits.maxLineBytes = 1024 * 1024;
    limits.batchMs = 20;

    QList<LogPrinter> printers;
    for (const QJsonObject& pod : target.value.pods) {
        const QString name = kubeName(pod);
        kube::PodLogOptions o = options;
        o.container = a.container;
        if (o.container.isEmpty()) {
            o.container = kube::defaultContainer(pod);
            const QStringList all = kube::containerNames(pod);
            if (all.size() > 1)
                QTextStream(stderr) << cli::Cli::tr("Defaulted container \"%1\" out of: %2\n")
                                           .arg(o.container, all.join(QStringLiteral(", ")));
        }
        LogPrinter p;
        p.stream = new kube::PodLogStream(client, ns, name, o, limits);
        if (prefix)
            p.prefix = QStringLiteral("[pod/%1/%2] ").arg(name, o.container).toUtf8();
        p.timestamps = a.timestamps;
        printers << p;
    }

    QEventLoop loop;
    int failed = 0;
    qsizetype next = 0;    // without --follow, pods are printed one after the other
    qsizetype running = 0; // streams not finished yet
    std::function<void()> startNext = [&] {
        if (next >= printers.size()) {
            if (running == 0)
                loop.quit();
            return;
        }
        ++running;
        printers[next++].stream->start();
    };
    for (qsizetype i = 0; i < printers.size(); ++i) {
        LogPrinter* p = &printers[i];
        QObject::connect(p->stream, &kube::PodLogStream::linesAdded, p->stream,
                         [p](const QList<kube::LogLine>& lines, qint64) {
                             QByteArray out;
                             for (const kube::LogLine& l : lines) {
                                 out += p->prefix;
                                 if (p->timestamps && !l.timestamp.isEmpty())
                                     out += l.timestamp + ' ';
                                 out += l.text.toUtf8();
                                 out += '\n';
                                 if (l.cutBytes > 0 && !p->warnedCut) {
                                     p->warnedCut = true;
                                     printError(cli::Cli::tr("%1: a line longer than %2 bytes "
                                                             "was cut")
                                                    .arg(p->stream->podName())
                                                    .arg(p->stream->limits().maxLineBytes));
                                 }
                             }
                             writeOut(out);
                             std::fflush(stdout);
                         });
        QObject::connect(p->stream, &kube::PodLogStream::stateChanged, p->stream,
                         [p](kube::LogStreamState s, const QString& message) {
                             if (s == kube::LogStreamState::Reconnecting)
                                 QTextStream(stderr) << "veladesk: " << p->stream->podName() << ": "
                                                     << message << '\n';
                         });
        QObject::connect(p->stream, &kube::PodLogStream::finished, p->stream,
                         [&, p](const kube::Status& status) {
                             if (const qint64 lost = p->stream->undeliveredLines())
                                 printError(cli::Cli::tr("%1: %2 lines were dropped: the "
                                                         "output was slower than the log")
                                                .arg(p->stream->podName())
                                                .arg(lost));
                             if (!status.ok()) {
                                 ++failed;
                                 printError(status.toString());
                             }
                             --running;
                             startNext();
                         });
    }
    if (a.follow) {
        for (qsizetype i = 0; i < printers.size(); ++i)
            startNext();
    } else {
        startNext();
    }
    if (!printers.isEmpty())
        loop.exec();
    std::fflush(stdout);
    for (LogPrinter& p : printers)
        delete p.stream;
    return failed ? exitFailure : exitOk;
}

// KIND (any case, singular, plural or a short name) to the served resource, by discovery.
kube::Result<kube::ApiResourceInfo> resolveKind(kube::Client& client, const QString& kind)
{
    static const QHash<QString, QString> shortNames = {
        {QStringLiteral("po"), QStringLiteral("pods")},
        {QStringLiteral("deploy"), QStringLiteral("deployments")},
        {QStringLiteral("svc"), QStringLiteral("services")},
        {QStringLiteral("rs"), QStringLiteral("replicasets")},
        {QStringLiteral("sts"), QStringLiteral("statefulsets")},
        {QStringLiteral("ds"), QStringLiteral("daemonsets")},
        {QStringLiteral("no"), QStringLiteral("nodes")},
        {QStringLiteral("ns"), QStringLiteral("namespaces")},
        {QStringLiteral("cm"), QStringLiteral("configmaps")},
        {QStringLiteral("hpa"), QStringLiteral("horizontalpodautoscalers")},
        {QStringLiteral("vs"), QStringLiteral("virtualservices")},
        {QStringLiteral("app"), QStringLiteral("applications")},
        {QStringLiteral("apprev"), QStringLiteral("applicationrevisions")},
        {QStringLiteral("rev"), QStringLiteral("applicationrevisions")},
        {QStringLiteral("revision"), QStringLiteral("applicationrevisions")},
    };
    const QString lower = kind.toLower();
    const QString wanted = shortNames.value(lower, lower);
    kube::Result<kube::Discovery> d = client.discovery().result();
    if (!d)
        return kube::Result<kube::ApiResourceInfo>::failure(d.status);
    for (const kube::ApiResourceInfo& r : d.value.resources) {
        if (r.resource.contains(QLatin1Char('/')))
            continue; // subresources
        if (r.resource == wanted || r.kind.toLower() == wanted ||
            r.resource == wanted + QLatin1Char('s') || r.resource == wanted + QStringLiteral("es"))
            return kube::Result<kube::ApiResourceInfo>::success(r);
    }
    return kube::Result<kube::ApiResourceInfo>::failure(kube::Status::error(
        kube::Status::Kind::Invalid,
        QStringLiteral("the server does not serve a kind or resource called \"%1\"").arg(kind)));
}

QString eventLine(const QJsonObject& e, const QDateTime& now)
{
    const QJsonObject involved = e.value(QStringLiteral("involvedObject")).toObject();
    const QString object = involved.value(QStringLiteral("kind")).toString().toLower() +
                           QLatin1Char('/') + involved.value(QStringLiteral("name")).toString();
    QString message = e.value(QStringLiteral("message")).toString().trimmed();
    message.replace(QLatin1Char('\n'), QLatin1Char(' '));
    const int count = e.value(QStringLiteral("count")).toInt();
    QString seen = formatAge(kube::eventTime(e), now);
    if (count > 1)
        seen += QStringLiteral(" (x%1)").arg(count);
    return QStringLiteral("%1  %2  %3  %4  %5")
        .arg(seen, -12)
        .arg(e.value(QStringLiteral("type")).toString(), -8)
        .arg(e.value(QStringLiteral("reason")).toString(), -20)
        .arg(object, -40)
        .arg(message);
}

int runEvents(const QStringList& args, qsizetype commandAt)
{
    LogsArgs a;
    const QString error = parseArgs(args, commandAt, false, &a);
    if (!a.unknownFlag.isEmpty())
        return unknownFlag(QStringLiteral("events"), a.unknownFlag);
    if (a.help) {
        QTextStream(stdout) << helpText(kEventsUsage);
        return error.isEmpty() ? exitOk : exitUsage;
    }
    if (!error.isEmpty()) {
        printError(error + cli::Cli::tr("\n(see `veladesk events --help`)"));
        return exitUsage;
    }
    if (a.positional.size() != 1 || !a.positional.first().contains(QLatin1Char('/')) ||
        a.positional.first().endsWith(QLatin1Char('/'))) {
        printError(cli::Cli::tr("events: give one KIND/NAME, e.g. deployment/example-app-v1 "
                                "(see `veladesk events --help`)"));
        return exitUsage;
    }
    if (a.watch && !a.output.isEmpty()) {
        printError(cli::Cli::tr("events: -w prints a table; it does not combine with -o"));
        return exitUsage;
    }
    std::shared_ptr<kube::Client> client = connectFrom(a);
    if (!client)
        return exitFailure;
    const QString kindArg = a.positional.first().section(QLatin1Char('/'), 0, 0);
    const QString name = a.positional.first().section(QLatin1Char('/'), 1);
    kube::Result<kube::ApiResourceInfo> info = resolveKind(*client, kindArg);
    if (!info) {
        printError(info.status.toString());
        return exitFailure;
    }
    kube::ResourceType type{info.value.group, info.value.version, info.value.resource,
                            info.value.kind, info.value.namespaced};
    kube::ObjectRef ref;
    ref.kind = info.value.kind;
    ref.name = name;
    ref.namespaceName = info.value.namespaced ? client->defaultNamespace() : QString();
    kube::Result<QJsonObject> object = client->get(type, ref.namespaceName, name).result();
    if (object) {
        ref.uid = objectUid(object.value);
    } else if (object.status.isNotFound()) {
        QTextStream(stderr) << cli::Cli::tr("note: %1 %2 does not exist (any more); showing "
                                            "the events recorded for that name\n")
                                   .arg(info.value.kind, name);
    } else {
        printError(object.status.toString());
        return exitFailure;
    }
    kube::Result<QList<QJsonObject>> events = kube::listEvents(*client, ref).result();
    if (!events) {
        printError(events.status.toString());
        return exitFailure;
    }
    if (!a.output.isEmpty()) {
        QJsonArray items;
        for (const QJsonObject& e : events.value)
            items.append(e);
        const QJsonObject list{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                               {QStringLiteral("kind"), QStringLiteral("List")},
                               {QStringLiteral("items"), items}};
        printOut(a.output == QLatin1String("json")
                     ? QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Indented))
                     : QString::fromUtf8(kube::toYaml(QList<QJsonObject>{list})));
        return exitOk;
    }
    const QString header = QStringLiteral("%1  %2  %3  %4  %5")
                               .arg(QStringLiteral("LAST SEEN"), -12)
                               .arg(QStringLiteral("TYPE"), -8)
                               .arg(QStringLiteral("REASON"), -20)
                               .arg(QStringLiteral("OBJECT"), -40)
                               .arg(QStringLiteral("MESSAGE"));
    if (events.value.isEmpty() && !a.watch) {
        QTextStream(stderr) << cli::Cli::tr("No events found for %1 %2 in namespace %3.\n")
                                   .arg(info.value.kind, name, ref.namespaceName);
        return exitOk;
    }
    QTextStream out(stdout);
    out << header.trimmed() << '\n';
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QJsonObject& e : events.value)
        out << eventLine(e, now).trimmed() << '\n';
    out.flush();
    if (!a.watch)
        return exitOk;
    // New and repeated events as they come; the watch lists again first, so the events
    // already printed are skipped by uid and resourceVersion.
    QHash<QString, QString> printed;
    for (const QJsonObject& e : events.value)
        printed.insert(objectUid(e), e.value(QStringLiteral("metadata"))
                                         .toObject()
                                         .value(QStringLiteral("resourceVersion"))
                                         .toString());
    QEventLoop loop;
    kube::Watch* watch = kube::watchEvents(*client, ref);
    auto show = [&printed](const QJsonObject& e) {
        const QString rv = e.value(QStringLiteral("metadata"))
                               .toObject()
                               .value(QStringLiteral("resourceVersion"))
                               .toString();
        const QString uid = objectUid(e);
        if (printed.value(uid) == rv)
            return;
        printed.insert(uid, rv);
        QTextStream o(stdout);
        o << eventLine(e, QDateTime::currentDateTimeUtc()).trimmed() << '\n';
        o.flush();
    };
    QObject::connect(watch, &kube::Watch::synced, watch, [show](const QList<QJsonObject>& all) {
        QList<QJsonObject> sorted = all;
        kube::sortEventsByTime(sorted);
        for (const QJsonObject& e : sorted)
            show(e);
    });
    QObject::connect(watch, &kube::Watch::events, watch,
                     [show](const QList<kube::WatchEvent>& evs) {
                         for (const kube::WatchEvent& ev : evs)
                             if (ev.type != kube::WatchEvent::Type::Deleted)
                                 show(ev.object);
                     });
    QObject::connect(watch, &kube::Watch::healthChanged, watch,
                     [](kube::WatchHealth h, const QString& message) {
                         if (h == kube::WatchHealth::Reconnecting || h == kube::WatchHealth::Failed)
                             printError(message);
                     });
    watch->start();
    loop.exec(); // until interrupted
    delete watch;
    return exitOk;
}

} // namespace

bool isLogsCommand(const QString& word)
{
    return word == QLatin1String("logs") || word == QLatin1String("events");
}

int runLogsCommand(const QStringList& args, qsizetype commandAt)
{
    return args.at(commandAt) == QLatin1String("logs") ? runLogs(args, commandAt)
                                                       : runEvents(args, commandAt);
}

} // namespace veladesk::cli
