// `veladesk history` and `veladesk rollback` (issue 13, item 2), on kube/rollout/history.h, in
// the manner of kubectl rollout history / undo. Their flags (--revision, --to) are their own,
// so they parse their own command line.

#include "app/cli.h"
#include "app/cli_help.h"

#include "kube/client.h"
#include "kube/rollout/applier.h"
#include "kube/rollout/applylease.h"
#include "kube/rollout/cluster.h"
#include "kube/rollout/diff.h"
#include "kube/rollout/history.h"
#include "kube/yamljson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace veladesk::cli {

namespace {

using namespace kube::rollout;

struct HistoryArgs
{
    Options options; // connection flags, dry-run, timeout, history limit
    qint64 revision = 0;
    bool hasRevision = false;
    QString output;
    bool help = false;
    QString unknownFlag; // kubectl's "error: unknown flag: --x" (app/cli_help.cpp)
};

bool parseRevision(const QString& text, qint64* out)
{
    bool ok = false;
    *out = text.toLongLong(&ok);
    return ok && *out >= 1;
}

// Returns an error message, or "" when the command line is fine.
QString parseArgs(const QStringList& args, qsizetype commandAt, bool rollback, HistoryArgs* a)
{
    Options& o = a->options;
    o.command = args.at(commandAt);
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (i == commandAt)
            continue;
        FlagArg f(args, i, commandAt);
        const QString arg = f.name;
        QString& error = f.error;
        auto take = [&](QString* out) { return f.take(out); };
        QString v;
        if (arg == QLatin1String("-h") || arg == QLatin1String("--help")) {
            a->help = true;
        } else if (arg == QLatin1String("--kubeconfig")) {
            take(&o.kubeconfig);
        } else if (arg == QLatin1String("--context")) {
            take(&o.context);
        } else if (arg == QLatin1String("-n") || arg == QLatin1String("--namespace")) {
            take(&o.namespaceName);
        } else if (arg == (rollback ? QLatin1String("--to") : QLatin1String("--revision"))) {
            if (take(&v)) {
                a->hasRevision = true;
                if (!parseRevision(v, &a->revision))
                    error = cli::Cli::tr("%1 takes a history revision number (1, 2, ...), not "
                                         "\"%2\"")
                                .arg(arg, v);
            }
        } else if (!rollback && (arg == QLatin1String("-o") || arg == QLatin1String("--output"))) {
            if (take(&a->output) && a->output != QLatin1String("yaml") &&
                a->output != QLatin1String("json") && a->output != QLatin1String("table"))
                error = cli::Cli::tr("-o takes table, yaml or json, not \"%1\"").arg(a->output);
        } else if (rollback && arg == QLatin1String("--dry-run")) {
            if (f.inlineValue && f.value != QLatin1String("server") &&
                f.value != QLatin1String("true"))
                error = cli::Cli::tr("--dry-run accepts no value, \"server\" or \"true\"");
            o.dryRun = true;
        } else if (rollback && arg == QLatin1String("--timeout")) {
            if (take(&v)) {
                o.timeoutSeconds = parseTimeout(v);
                if (o.timeoutSeconds < 0)
                    error = cli::Cli::tr("--timeout: \"%1\" is not a duration such as 90s or "
                                         "5m (at most 168h)")
                                .arg(v);
            }
        } else if (rollback && arg == QLatin1String("--history-limit")) {
            if (take(&v)) {
                bool ok = false;
                o.historyLimit = v.toInt(&ok);
                if (!ok || o.historyLimit < 1 || o.historyLimit > kMaxHistoryLimit)
                    error = cli::Cli::tr("--history-limit takes a number from 1 to %1")
                                .arg(kMaxHistoryLimit);
            }
        } else if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1) {
            a->unknownFlag = args.at(i);
            error = cli::Cli::tr("unknown flag %1").arg(arg);
        } else {
            o.positional << arg;
        }
        if (!error.isEmpty())
            return error;
    }
    return {};
}

QString pad(const QString& s, int width)
{
    return s.leftJustified(width) + QLatin1Char(' ');
}

QString when(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QStringLiteral("-");
}

struct Loaded
{
    std::shared_ptr<kube::Client> client;
    QString ns;
    AppDeploymentState state;
    HistoryList history;
    std::optional<ApplyLeaseInfo> lease;
};

// The AppDeployment, its history and its Lease; prints why on failure.
std::optional<Loaded> load(const Options& o)
{
    Loaded l;
    l.client = connectOrFail(o);
    if (!l.client)
        return std::nullopt;
    const QString name = o.positional.first();
    l.ns = o.namespaceName.isEmpty() ? l.client->defaultNamespace() : o.namespaceName;
    kube::Result<AppDeploymentState> st = readAppDeploymentState(*l.client, l.ns, name);
    if (!st) {
        printError(st.status.toString());
        return std::nullopt;
    }
    l.state = st.value;
    l.lease = st.value.lease;
    kube::Result<HistoryList> h = listHistory(*l.client, l.ns, name, st.value.plan.uid);
    if (!h) {
        printError(cli::Cli::tr("history of AppDeployment %1/%2: %3")
                       .arg(l.ns, name, h.status.toString()));
        return std::nullopt;
    }
    for (const QString& w : h.value.warnings)
        QTextStream(stderr) << "warning: skipped " << w << '\n';
    l.history = h.value;
    return l;
}

bool inProgress(const Loaded& l, const HistoryEntry& e)
{
    return l.lease && l.lease->isLive() && l.lease->holder == e.holder;
}

QJsonObject entryJson(const Loaded& l, const HistoryEntry& e)
{
    QJsonObject weights;
    const QMap<QString, int> w = e.weights();
    for (auto it = w.begin(); it != w.end(); ++it)
        weights.insert(it.key(), it.value());
    QJsonObject o{
        {QStringLiteral("revision"), double(e.revision)},
        {QStringLiteral("controllerRevision"), e.name},
        {QStringLiteral("startedAt"), when(e.startedAt)},
        {QStringLiteral("who"), e.who()},
        {QStringLiteral("kubeconfigUser"), e.kubeconfigUser},
        {QStringLiteral("host"), e.host},
        {QStringLiteral("tool"), e.tool},
        {QStringLiteral("result"), historyResultName(e.effectiveResult(inProgress(l, e)))},
        {QStringLiteral("weights"), weights},
        {QStringLiteral("plan"), e.applied}};
    if (e.finishedAt.isValid())
        o.insert(QStringLiteral("finishedAt"), when(e.finishedAt));
    if (e.previousRevision > 0)
        o.insert(QStringLiteral("previousRevision"), double(e.previousRevision));
    if (!e.changeCause.isEmpty())
        o.insert(QStringLiteral("changeCause"), e.changeCause);
    if (!e.message.isEmpty())
        o.insert(QStringLiteral("message"), e.message);
    return o;
}

void printData(const QString& output, const QJsonObject& value)
{
    if (output == QLatin1String("json"))
        printOut(QString::fromUtf8(QJsonDocument(value).toJson()));
    else
        printOut(QString::fromUtf8(kube::toYaml(value)));
}

int runHistory(const HistoryArgs& a)
{
    const Options& o = a.options;
    std::optional<Loaded> l = load(o);
    if (!l)
        return exitFailure;
    const QString name = o.positional.first();
    if (a.hasRevision) {
        kube::Result<HistoryEntry> e = findHistoryEntry(l->history, l->ns, name, a.revision);
        if (!e) {
            printError(e.status.message);
            return exitFailure;
        }
        if (a.output == QLatin1String("yaml") || a.output == QLatin1String("json")) {
            printData(a.output, e.value.applied);
            return exitOk;
        }
        const HistoryEntry& h = e.value;
        QString out = QStringLiteral("appdeployment/%1 (namespace %2) revision %3\n")
                          .arg(name, l->ns)
                          .arg(h.revision);
        out += QStringLiteral("  When:      %1 (finished %2)\n")
                   .arg(when(h.startedAt), when(h.finishedAt));
        out += QStringLiteral("  Who:       %1 (%2)\n").arg(h.who(), h.holder);
        out += QStringLiteral("  Tool:      %1\n").arg(h.tool);
        out += QStringLiteral("  Result:    %1%2\n")
                   .arg(historyResultName(h.effectiveResult(inProgress(*l, h))),
                        h.message.isEmpty() ? QString() : QStringLiteral(" - ") + h.message);
        if (h.previousRevision > 0)
            out += QStringLiteral("  Previous:  revision %1\n").arg(h.previousRevision);
        if (!h.changeCause.isEmpty())
            out += QStringLiteral("  Cause:     %1\n").arg(h.changeCause);
        out += QStringLiteral("  Weights:   %1\n  Plan:\n").arg(h.weightsSummary());
        const QString yaml = QString::fromUtf8(kube::toYaml(h.applied));
        for (const QString& line : yaml.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            out += QStringLiteral("    ") + line + QLatin1Char('\n');
        printOut(out);
        return exitOk;
    }
    if (a.output == QLatin1String("yaml") || a.output == QLatin1String("json")) {
        QJsonArray items;
        for (const HistoryEntry& e : l->history.entries)
            items.append(entryJson(*l, e));
        printData(a.output, QJsonObject{{QStringLiteral("appDeployment"), name},
                                        {QStringLiteral("namespace"), l->ns},
                                        {QStringLiteral("entries"), items}});
        return exitOk;
    }
    if (l->history.entries.isEmpty()) {
        printOut(cli::Cli::tr("appdeployment/%1 (namespace %2): no history recorded (an apply "
                              "by VelaDesk records one)\n")
                     .arg(name, l->ns));
        return exitOk;
    }
    QString out = QStringLiteral("appdeployment/%1 (namespace %2)\n").arg(name, l->ns);
    out += pad(QStringLiteral("REVISION"), 8) + pad(QStringLiteral("WHEN"), 20) +
           pad(QStringLiteral("WHO"), 24) + pad(QStringLiteral("TOOL"), 12) +
           pad(QStringLiteral("RESULT"), 11) + pad(QStringLiteral("WEIGHTS"), 40) +
           QStringLiteral("CHANGE-CAUSE\n");
    for (const HistoryEntry& e : l->history.entries)
        out += pad(QString::number(e.revision), 8) + pad(when(e.startedAt), 20) + pad(e.who(), 24) +
               pad(e.tool, 12) + pad(historyResultName(e.effectiveResult(inProgress(*l, e))), 11) +
               pad(e.weightsSummary(), 40) + e.changeCause + QLatin1Char('\n');
    printOut(out);
    return exitOk;
}

int runRollback(HistoryArgs a)
{
    Options& o = a.options;
    if (!a.hasRevision) {
        printError(cli::Cli::tr("rollback: give the history revision with --to N (see "
                                "`veladesk history %1`)")
                       .arg(o.positional.first()));
        return exitUsage;
    }
    std::optional<Loaded> l = load(o);
    if (!l)
        return exitFailure;
    const QString name = o.positional.first();
    kube::Result<HistoryEntry> e = findHistoryEntry(l->history, l->ns, name, a.revision);
    if (!e) {
        printError(cli::Cli::tr("rollback: %1; nothing was changed").arg(e.status.message));
        return exitFailure;
    }
    kube::Result<AppDeploymentPlan> plan = e.value.plan();
    if (!plan) {
        printError(cli::Cli::tr("rollback: %1; nothing was changed").arg(plan.status.message));
        return exitFailure;
    }
    if (plan.value.name != name) {
        printError(cli::Cli::tr("rollback: history entry %1 holds AppDeployment %2, not %3; "
                                "nothing was changed")
                       .arg(e.value.name, plan.value.name, name));
        return exitFailure;
    }
    plan.value.namespaceName = l->ns;
    const HistoryEntry& h = e.value;
    printOut(cli::Cli::tr("rollback: AppDeployment %1/%2 to revision %3 (applied %4 by %5, %6): "
                          "%7\n")
                 .arg(l->ns, name)
                 .arg(h.revision)
                 .arg(when(h.startedAt), h.who(),
                      historyResultName(h.effectiveResult(inProgress(*l, h))), h.weightsSummary()));
    if (h.effectiveResult(inProgress(*l, h)) != HistoryResult::Succeeded)
        printError(cli::Cli::tr("warning: the apply of revision %1 did not succeed (%2)")
                       .arg(h.revision)
                       .arg(h.message));
    // The plan change first, as a unified diff of the stored AppDeployment and entry N.
    auto specYaml = [](const AppDeploymentPlan& p) {
        return kube::toYaml(p.toJson().value(QLatin1String("spec")));
    };
    const QString diff =
        unifiedDiff(specYaml(l->state.plan), specYaml(plan.value),
                    QStringLiteral("appdeployment/%1 (stored)").arg(name),
                    QStringLiteral("appdeployment/%1 (revision %2)").arg(name).arg(h.revision));
    printOut(diff.isEmpty() ? cli::Cli::tr("the stored plan equals revision %1: applying it "
                                           "again (corrects drift)\n")
                                  .arg(h.revision)
                            : diff);
    o.changeCause = QStringLiteral("rollback to %1").arg(h.revision);
    return applyPlan(o, l->client, plan.value);
}

} // namespace

bool isHistoryCommand(const QString& word)
{
    return word == QLatin1String("history") || word == QLatin1String("rollback");
}

int runHistoryCommand(const QStringList& args, qsizetype commandAt)
{
    const bool rollback = args.at(commandAt) == QLatin1String("rollback");
    HistoryArgs a;
    const QString error = parseArgs(args, commandAt, rollback, &a);
    if (!a.unknownFlag.isEmpty())
        return unknownFlag(args.at(commandAt), a.unknownFlag);
    if (a.help) {
        printOut(commandHelpText(*findCommand(args.at(commandAt))));
        return error.isEmpty() ? exitOk : exitUsage;
    }
    if (!error.isEmpty()) {
        printError(error + QStringLiteral("\n(see `veladesk %1 --help`)").arg(args.at(commandAt)));
        return exitUsage;
    }
    if (a.options.positional.size() != 1) {
        printError(cli::Cli::tr("%1: give one AppDeployment NAME (see `veladesk %1 --help`)")
                       .arg(args.at(commandAt)));
        return exitUsage;
    }
    return rollback ? runRollback(a) : runHistory(a);
}

void printHistoryNote(const ApplyReport& report)
{
    if (report.historyRevision > 0)
        printOut(cli::Cli::tr("history: recorded as revision %1\n").arg(report.historyRevision));
    for (const QString& w : report.historyWarnings)
        printError(cli::Cli::tr("warning: history: %1").arg(w));
}

} // namespace veladesk::cli
