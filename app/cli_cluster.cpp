// Commands that talk to a cluster: setup, app apply, revisions, diff, apply, status.

#include "app/cli.h"
#include "app/cli_help.h"
#include "app/cli_progress.h"

#include "kube/client.h"
#include "kube/rollout/applier.h"
#include "kube/rollout/cluster.h"
#include "kube/rollout/multicluster.h"
#include "kube/verbosity.h"
#include "kube/yamljson.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <atomic>
#include <csignal>
#include <unistd.h>

namespace veladesk::cli {

namespace {

using namespace kube::rollout;

} // namespace

std::shared_ptr<kube::Client> connectOrFail(const Options& o)
{
    kube::KubeConfigOptions k;
    k.kubeconfigPath = o.kubeconfig;
    k.context = o.context;
    k.namespaceName = o.namespaceName;
    kube::Result<std::shared_ptr<kube::Client>> c = kube::connect(k);
    if (!c) {
        printError(c.status.toString());
        return {};
    }
    // e.g. insecure-skip-tls-verify: said on stderr, never silently accepted.
    for (const QString& w : c.value->connection().warnings)
        QTextStream(stderr) << "warning: " << w << '\n';
    return c.value;
}

namespace {

// All documents of the -f files.
bool readDocuments(const Options& o, QList<QPair<QString, QJsonObject>>* out)
{
    if (o.files.isEmpty()) {
        printError(cli::Cli::tr("%1: give the input file with -f FILE").arg(o.command));
        return false;
    }
    for (const QString& f : o.files) {
        kube::Result<QList<QJsonObject>> docs = kube::parseYamlFile(f);
        if (!docs) {
            printError(docs.status.toString());
            return false;
        }
        for (const QJsonObject& d : docs.value)
            out->append(qMakePair(f, d));
    }
    return true;
}

bool readPlan(const Options& o, AppDeploymentPlan* plan)
{
    QList<QPair<QString, QJsonObject>> docs;
    if (!readDocuments(o, &docs))
        return false;
    if (docs.size() != 1) {
        printError(
            cli::Cli::tr("%1: expected exactly one AppDeployment in the input, found %2 documents")
                .arg(o.command)
                .arg(docs.size()));
        return false;
    }
    kube::Result<AppDeploymentPlan> p = AppDeploymentPlan::fromJson(docs.first().second);
    if (!p) {
        printError(docs.first().first + QStringLiteral(": ") + p.status.message);
        return false;
    }
    *plan = p.value;
    return true;
}

QString resolveNamespace(const Options& o, const kube::Client& client, const QString& fromObject)
{
    if (!fromObject.isEmpty())
        return fromObject;
    return o.namespaceName.isEmpty() ? client.defaultNamespace() : o.namespaceName;
}

void printData(const Options& o, const QJsonValue& value)
{
    if (o.output == QLatin1String("json"))
        printOut(QString::fromUtf8(value.isArray() ? QJsonDocument(value.toArray()).toJson()
                                                   : QJsonDocument(value.toObject()).toJson()));
    else
        printOut(QString::fromUtf8(kube::toYaml(value)));
}

// A column `width` wide; a longer value keeps one space before the next column.
QString pad(const QString& s, int width)
{
    return s.size() < width ? s.leftJustified(width) : s + QLatin1Char(' ');
}

QString changeName(ObjectDiff::Change c)
{
    switch (c) {
    case ObjectDiff::Change::Create:
        return QStringLiteral("create");
    case ObjectDiff::Change::Update:
        return QStringLiteral("update");
    case ObjectDiff::Change::Unchanged:
        return QStringLiteral("unchanged");
    case ObjectDiff::Change::Delete:
        return QStringLiteral("delete");
    }
    return {};
}

} // namespace

int runSetup(const Options& o)
{
    auto client = connectOrFail(o);
    if (!client)
        return exitFailure;
    kube::Result<SetupResult> r = setupCluster(*client);
    if (!r) {
        printError(QStringLiteral("setup: ") + r.status.toString());
        return exitFailure;
    }
    for (const QString& n : r.value.installed)
        printOut(QStringLiteral("customresourcedefinition/%1 installed\n").arg(n));
    for (const QString& n : r.value.present)
        printOut(QStringLiteral("customresourcedefinition/%1 already present\n").arg(n));
    return exitOk;
}

int runAppApply(const Options& o)
{
    QList<QPair<QString, QJsonObject>> docs;
    if (!readDocuments(o, &docs))
        return exitFailure;
    for (const auto& [file, doc] : docs)
        if (doc.value(QLatin1String("kind")).toString() != QLatin1String("Application")) {
            printError(cli::Cli::tr("%1: app apply takes Applications, not %2")
                           .arg(file, doc.value(QLatin1String("kind")).toString()));
            return exitFailure;
        }
    auto client = connectOrFail(o);
    if (!client)
        return exitFailure;
    const KubeVelaMode mode = o.kubevela == QLatin1String("present")  ? KubeVelaMode::Present
                              : o.kubevela == QLatin1String("absent") ? KubeVelaMode::Absent
                                                                      : KubeVelaMode::Auto;
    for (const auto& [file, doc] : docs) {
        kube::Result<AppApplyResult> r = applyApplication(*client, doc, o.namespaceName, mode);
        if (!r) {
            printError(file + QStringLiteral(": ") + r.status.toString());
            return exitFailure;
        }
        printOut(r.value.message + QLatin1Char('\n'));
    }
    return exitOk;
}

int runRevisions(const Options& o)
{
    if (o.positional.size() != 1) {
        printError(cli::Cli::tr("usage: veladesk revisions APP"));
        return exitUsage;
    }
    auto client = connectOrFail(o);
    if (!client)
        return exitFailure;
    const QString ns = resolveNamespace(o, *client, {});
    kube::Result<QList<AppRevision>> revs = listRevisions(*client, ns, o.positional.first());
    if (!revs) {
        printError(revs.status.toString());
        return exitFailure;
    }
    if (!o.output.isEmpty()) {
        QJsonArray items;
        for (const AppRevision& r : revs.value)
            items.append(r.object);
        printData(o, QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                 {QStringLiteral("kind"), QStringLiteral("List")},
                                 {QStringLiteral("items"), items}});
        return exitOk;
    }
    if (revs.value.isEmpty()) {
        printError(cli::Cli::tr("no revisions of application %1 in namespace %2")
                       .arg(o.positional.first(), ns));
        return exitFailure;
    }
    QString out = pad(QStringLiteral("NAME"), 28) + pad(QStringLiteral("REVISION"), 10) +
                  pad(QStringLiteral("HASH"), 18) + pad(QStringLiteral("CREATED"), 22) +
                  QStringLiteral("COMPONENTS\n");
    for (const AppRevision& r : revs.value) {
        QStringList comps;
        for (const Component& c : r.application.components)
            comps << c.name + QLatin1Char('(') + c.type + QLatin1Char(')');
        out += pad(r.name, 28) + pad(QString::number(r.revision), 10) + pad(r.hash, 18) +
               pad(r.creationTimestamp, 22) + comps.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    printOut(out);
    return exitOk;
}

namespace {

// Clusters the AppDeployment's last apply placed revisions in besides the home cluster (what
// they run must be pruned when the plan leaves them); prints errors.
std::optional<QStringList> previousOf(const Options& o, kube::Client& client,
                                      const AppDeploymentPlan& plan, const QString& home)
{
    const QString ns = !plan.namespaceName.isEmpty() ? plan.namespaceName
                       : !o.namespaceName.isEmpty()  ? o.namespaceName
                                                     : client.defaultNamespace();
    kube::Result<QStringList> previous = readPreviousClusters(client, ns, plan.name, home);
    if (!previous) {
        printError(previous.status.toString());
        return std::nullopt;
    }
    return previous.value;
}

// The --cluster mapping and the home cluster's name (the current context's); prints errors.
std::optional<QPair<ClusterContexts, QString>> clusterMapping(const Options& o,
                                                              const kube::Client& client)
{
    kube::Result<ClusterContexts> contexts = ClusterContexts::parse(o.clusters);
    if (!contexts) {
        printError(contexts.status.message);
        return std::nullopt;
    }
    return qMakePair(contexts.value, contexts.value.clusterOf(client.connection().contextName));
}

QString clusterLabel(const QString& name)
{
    return name.isEmpty() ? QStringLiteral("(home)") : name;
}

// A plan placed in several clusters (multicluster.h): one plain line per step and cluster.
// With --dry-run (and for diff) nothing changes; *diffs gets every cluster's dry-run diffs.
int applyMultiCluster(const Options& o, std::shared_ptr<kube::Client> home,
                      const AppDeploymentPlan& plan, const ClusterContexts& contexts,
                      const ApplyOptions& ao, const QStringList& previous, bool quiet = false,
                      QList<QPair<QString, ObjectDiff>>* diffs = nullptr)
{
    kube::KubeConfigOptions k;
    k.kubeconfigPath = o.kubeconfig;
    k.namespaceName = o.namespaceName;
    kube::Result<QList<ClusterTarget>> clusters =
        connectClusters(plan, home, contexts, k, previous);
    if (!clusters) {
        printError(clusters.status.toString());
        return exitFailure;
    }
    if (!quiet) {
        QStringList names;
        for (const ClusterTarget& c : clusters.value)
            names << QStringLiteral("%1 (context %2)").arg(clusterLabel(c.name), c.context);
        printOut(
            QStringLiteral("clusters: %1; the AppDeployment lives in %2\n")
                .arg(names.join(QStringLiteral(", ")), clusterLabel(clusters.value.first().name)));
    }
    MultiClusterApplier applier(clusters.value, plan, ao);
    if (!quiet) {
        QObject::connect(&applier, &MultiClusterApplier::stepStarted,
                         [&](const QString& c, ApplyStep s, const QString& description) {
                             printOut(QStringLiteral("[%1] %2/%3 %4: %5\n")
                                          .arg(clusterLabel(c))
                                          .arg(int(s) + 1)
                                          .arg(applyStepCount)
                                          .arg(applyStepName(s), description));
                         });
        QObject::connect(
            &applier, &MultiClusterApplier::stepProgress,
            [&](const QString& c, ApplyStep s, const QString& m) {
                printOut(
                    QStringLiteral("[%1]   %2: %3\n").arg(clusterLabel(c), applyStepName(s), m));
            });
        QObject::connect(&applier, &MultiClusterApplier::stepFinished,
                         [&](const QString& c, const StepResult& r) {
                             printOut(QStringLiteral("[%1] %2: %3 %4\n")
                                          .arg(clusterLabel(c), applyStepName(r.step),
                                               stepStateName(r.state), r.message));
                         });
    }
    const MultiClusterReport report = [&] {
        const CancelOnInterrupt interrupt(applier);
        return applier.run();
    }();
    for (const auto& [cluster, r] : report.clusters) {
        printHistoryNote(r);
        for (const ObjectDiff& d : r.dryRunDiffs) {
            if (diffs)
                *diffs << qMakePair(cluster, d);
            else if (o.dryRun)
                printOut(QStringLiteral("[%1] %2: %3\n")
                             .arg(clusterLabel(cluster), d.displayName(), changeName(d.change)));
        }
    }
    if (!report.ok()) {
        printError(cli::Cli::tr("apply of AppDeployment %1 failed: %2\n%3")
                       .arg(plan.name, report.status.message, report.toString()));
        return exitFailure;
    }
    if (!quiet)
        printOut(ao.dryRun ? cli::Cli::tr("dry-run: every cluster accepted every object; "
                                          "nothing was changed\n")
                           : QStringLiteral("appdeployment/%1 applied in %2 clusters\n")
                                 .arg(plan.name)
                                 .arg(report.clusters.size()));
    return exitOk;
}

} // namespace

// As kubectl diff: 0 when nothing would change, 1 when something would, >1 on errors.
int runDiff(const Options& o)
{
    AppDeploymentPlan plan;
    if (!readPlan(o, &plan))
        return exitDiffError;
    auto client = connectOrFail(o);
    if (!client)
        return exitDiffError;
    const auto mapping = clusterMapping(o, *client);
    if (!mapping)
        return exitDiffError;
    const std::optional<QStringList> previous = previousOf(o, *client, plan, mapping->second);
    if (!previous)
        return exitDiffError;
    if (plan.isMultiCluster(mapping->second) || !previous->isEmpty()) {
        // Every cluster's live objects against a server-side dry-run of its share of the plan.
        ApplyOptions ao;
        ao.homeCluster = mapping->second;
        ao.namespaceName = o.namespaceName;
        ao.dryRun = true;
        ao.routing = parseRoutingApi(o.routing);
        ao.tool = QStringLiteral("veladesk-cli");
        QList<QPair<QString, ObjectDiff>> diffs;
        if (applyMultiCluster(o, client, plan, mapping->first, ao, *previous, true, &diffs) !=
            exitOk)
            return exitDiffError;
        QList<ObjectDiff> all;
        QJsonArray items;
        QString out;
        for (const auto& [cluster, od] : diffs) {
            all << od;
            items.append(QJsonObject{{QStringLiteral("cluster"), cluster},
                                     {QStringLiteral("kind"), od.type.kind},
                                     {QStringLiteral("name"), od.name},
                                     {QStringLiteral("namespace"), od.namespaceName},
                                     {QStringLiteral("change"), changeName(od.change)},
                                     {QStringLiteral("diff"), od.unifiedDiff}});
            out += QStringLiteral("[%1] %2: %3\n")
                       .arg(clusterLabel(cluster), od.displayName(), changeName(od.change));
            out += od.unifiedDiff;
        }
        if (!o.output.isEmpty())
            printData(o, items);
        else
            printOut(out);
        return countChanges(all) > 0 ? exitDiffFound : exitOk;
    }
    kube::Result<PlanDiff> d = diffPlan(*client, plan, o.namespaceName, parseRoutingApi(o.routing));
    if (!d) {
        printError(d.status.toString());
        return exitDiffError;
    }
    for (const Issue& i : d.value.issues)
        printError(i.toString());
    if (hasErrors(d.value.issues)) {
        printError(cli::Cli::tr("the plan is invalid; nothing to compare"));
        return exitDiffError;
    }
    if (!o.output.isEmpty()) {
        QJsonArray items;
        for (const ObjectDiff& od : d.value.objects)
            items.append(QJsonObject{{QStringLiteral("kind"), od.type.kind},
                                     {QStringLiteral("name"), od.name},
                                     {QStringLiteral("namespace"), od.namespaceName},
                                     {QStringLiteral("change"), changeName(od.change)},
                                     {QStringLiteral("diff"), od.unifiedDiff}});
        printData(o, items);
        return countChanges(d.value.objects) > 0 ? exitDiffFound : exitOk;
    }
    QString out;
    if (d.value.routing)
        out += QStringLiteral("routing: %1\n").arg(d.value.routing->describe());
    for (const ObjectDiff& od : d.value.objects) {
        out += QStringLiteral("%1: %2\n").arg(od.displayName(), changeName(od.change));
        out += od.unifiedDiff;
    }
    printOut(out);
    return countChanges(d.value.objects) > 0 ? exitDiffFound : exitOk;
}

// Runs the Applier with the command line's options, printing each step; the exit code.
int applyPlan(const Options& o, std::shared_ptr<kube::Client> client, const AppDeploymentPlan& plan)
{
    const auto mapping = clusterMapping(o, *client);
    if (!mapping)
        return exitFailure;
    ApplyOptions ao;
    ao.homeCluster = mapping->second;
    ao.namespaceName = o.namespaceName.isEmpty() ? QString() : o.namespaceName;
    ao.dryRun = o.dryRun;
    ao.force = o.force;
    ao.adopt = o.adopt;
    // `reapply` and `revert` ask for the steps again, whatever the dry-run finds.
    ao.skipUnchanged = !o.full && o.command == QLatin1String("apply");
    ao.readinessTimeout = std::chrono::seconds(o.timeoutSeconds);
    ao.timeout = std::chrono::seconds(o.timeoutSeconds);
    ao.tool = QStringLiteral("veladesk-cli");
    ao.historyLimit = o.historyLimit;
    ao.changeCause = o.changeCause;
    ao.routing = parseRoutingApi(o.routing);
    ao.scaleDownDelay = std::chrono::seconds(o.scaleDownDelaySeconds);
    const std::optional<QStringList> previous = previousOf(o, *client, plan, ao.homeCluster);
    if (!previous)
        return exitFailure;
    if (plan.isMultiCluster(ao.homeCluster) || !previous->isEmpty())
        return applyMultiCluster(o, std::move(client), plan, mapping->first, ao, *previous);
    Applier applier(std::move(client), plan, ao);
    // A live line per step on a terminal, plain lines when piped (app/cli_progress.cpp), and
    // when -v 6 traces requests onto the same terminal (a rewritten line would be torn).
    const bool live =
        isTerminal(STDOUT_FILENO) && !(kube::verbosity() >= 6 && isTerminal(STDERR_FILENO));
    StepPrinter steps(applyStepCount, live, useColor(STDOUT_FILENO));
    QObject::connect(&applier, &Applier::stepStarted, [&](ApplyStep s, const QString& description) {
        steps.started(int(s) + 1, applyStepName(s), description);
    });
    QObject::connect(&applier, &Applier::stepProgress,
                     [&](ApplyStep, const QString& message) { steps.progress(message); });
    QObject::connect(&applier, &Applier::stepFinished, [&](const StepResult& r) {
        using State = StepResult::State;
        const StepPrinter::Outcome outcome = r.state == State::Done ? StepPrinter::Outcome::Ok
                                             : r.state == State::Skipped
                                                 ? StepPrinter::Outcome::Skipped
                                                 : StepPrinter::Outcome::Failed;
        steps.finished(int(r.step) + 1, applyStepName(r.step), stepStateName(r.state), outcome,
                       r.message);
    });
    // Ctrl-C cancels the applier (between requests, or while waiting for readiness) so that it
    // reports what was done and writes the Failed status.
    const ApplyReport report = [&] {
        const CancelOnInterrupt interrupt(applier);
        return applier.run();
    }();
    steps.stop();
    printHistoryNote(report);
    if (o.dryRun) {
        for (const ObjectDiff& d : report.dryRunDiffs)
            printOut(QStringLiteral("%1: %2\n").arg(d.displayName(), changeName(d.change)));
    }
    if (!report.ok()) {
        if (report.heldBy) {
            // Refused at once: the other apply's holder and start say it all.
            printError(cli::Cli::tr("apply of AppDeployment %1 refused: %2")
                           .arg(plan.name, report.status.message));
            return exitFailure;
        }
        QString msg =
            cli::Cli::tr("apply of AppDeployment %1 failed:\n%2").arg(plan.name, report.toString());
        printError(msg);
        return exitFailure;
    }
    printOut(o.dryRun
                 ? cli::Cli::tr("dry-run: the server accepted every object; nothing was changed\n")
             : report.unchanged ? QStringLiteral("appdeployment/%1 unchanged\n").arg(plan.name)
                                : QStringLiteral("appdeployment/%1 applied\n").arg(plan.name));
    return exitOk;
}

namespace {

QString revisionsText(const AppDeploymentPlan& plan)
{
    QStringList parts;
    const QMap<QString, int> weights = plan.weightsByRevision();
    for (const RevisionPlacement& r : plan.appRevisions)
        parts << QStringLiteral("%1 %2 %, replicas %3")
                     .arg(r.revisionName)
                     .arg(weights.value(r.revisionName))
                     .arg(r.replicas());
    return parts.isEmpty() ? cli::Cli::tr("no revisions") : parts.join(QStringLiteral("; "));
}

struct StateRead
{
    std::shared_ptr<kube::Client> client;
    QString ns;
    AppDeploymentState state;
};

// The state of the AppDeployment named by the one positional argument of `command`; on failure
// prints why and sets *exitCode.
std::optional<StateRead> readNamedState(const Options& o, const QString& command, int* exitCode)
{
    if (o.positional.size() != 1 || !o.files.isEmpty()) {
        printError(cli::Cli::tr("usage: veladesk %1 NAME").arg(command));
        *exitCode = exitUsage;
        return std::nullopt;
    }
    *exitCode = exitFailure;
    auto client = connectOrFail(o);
    if (!client)
        return std::nullopt;
    const QString ns = resolveNamespace(o, *client, {});
    kube::Result<AppDeploymentState> st = readAppDeploymentState(*client, ns, o.positional.first());
    if (!st) {
        printError(st.status.toString());
        return std::nullopt;
    }
    return StateRead{client, ns, st.value};
}

// `reapply` and `revert`: the stored plan or the last completed one, applied again.
int applyStoredPlan(const Options& o, bool lastCompleted)
{
    const QString command = lastCompleted ? QStringLiteral("revert") : QStringLiteral("reapply");
    int exitCode = exitOk;
    const std::optional<StateRead> read = readNamedState(o, command, &exitCode);
    if (!read)
        return exitCode;
    const QString& ns = read->ns;
    AppDeploymentPlan plan = read->state.plan;
    if (lastCompleted) {
        if (!read->state.lastCompleted) {
            printError(cli::Cli::tr("AppDeployment %1/%2 has no completed plan recorded (no "
                                    "apply by VelaDesk has completed): nothing to revert to")
                           .arg(ns, plan.name));
            return exitFailure;
        }
        plan = *read->state.lastCompleted;
    }
    plan.namespaceName = ns;
    printOut(QStringLiteral("%1: applying %2 plan of AppDeployment %3/%4: %5\n")
                 .arg(command,
                      lastCompleted ? QStringLiteral("the last completed")
                                    : QStringLiteral("the stored"),
                      ns, plan.name, revisionsText(plan)));
    return applyPlan(o, read->client, plan);
}

} // namespace

int runApply(const Options& o)
{
    AppDeploymentPlan plan;
    if (!readPlan(o, &plan))
        return exitFailure;
    auto client = connectOrFail(o);
    if (!client)
        return exitFailure;
    return applyPlan(o, client, plan);
}

int runReapply(const Options& o)
{
    return applyStoredPlan(o, false);
}

int runRevert(const Options& o)
{
    return applyStoredPlan(o, true);
}

namespace {

// A multi-cluster plan's placement per cluster: planned (status.placement as the last apply
// wrote it, else the plan) and ready replicas read from each cluster. Empty for one cluster.
QString placementText(const Options& o, std::shared_ptr<kube::Client> client,
                      const AppDeploymentPlan& plan, const QString& ns)
{
    const auto mapping = clusterMapping(o, *client);
    if (!mapping || !plan.isMultiCluster(mapping->second))
        return {};
    kube::KubeConfigOptions k;
    k.kubeconfigPath = o.kubeconfig;
    k.namespaceName = o.namespaceName;
    kube::Result<QList<ClusterTarget>> clusters = connectClusters(plan, client, mapping->first, k);
    if (!clusters)
        return QStringLiteral("\nPlacement: %1\n").arg(clusters.status.toString());
    QMap<QPair<QString, QString>, int> recorded; // (revision, cluster) -> status.placement
    for (const PlacementStatus& p : plan.status.placement)
        for (const PlacementStatus::Cluster& c : p.clusters)
            recorded.insert(qMakePair(p.revisionName, c.clusterName), c.replicas);
    QString out = QLatin1Char('\n') + pad(QStringLiteral("REVISION"), 28) +
                  pad(QStringLiteral("CLUSTER"), 20) + pad(QStringLiteral("CONTEXT"), 20) +
                  pad(QStringLiteral("PLACED"), 8) + pad(QStringLiteral("READY"), 7) +
                  QStringLiteral("STATUS.PLACEMENT\n");
    for (const PlacementState& p : readPlacementStates(clusters.value, plan, ns)) {
        const auto key = qMakePair(p.revisionName, p.cluster);
        out +=
            pad(p.revisionName, 28) + pad(clusterLabel(p.cluster), 20) + pad(p.context, 20) +
            pad(QString::number(p.replicas), 8) +
            pad(p.ready < 0 ? QStringLiteral("?") : QString::number(p.ready), 7) +
            (recorded.contains(key) ? QString::number(recorded.value(key)) : QStringLiteral("-")) +
            QLatin1Char('\n');
        if (!p.error.isEmpty())
            out += QStringLiteral("  %1\n").arg(p.error);
    }
    return out;
}

} // namespace

int runStatus(const Options& o)
{
    int exitCode = exitOk;
    const std::optional<StateRead> read = readNamedState(o, QStringLiteral("status"), &exitCode);
    if (!read)
        return exitCode;
    const QString& ns = read->ns;
    const AppDeploymentState& s = read->state;
    if (!o.output.isEmpty()) {
        QJsonArray revs;
        for (const RevisionState& r : s.revisions) {
            QJsonObject managed;
            for (auto it = r.replicasManagedBy.begin(); it != r.replicasManagedBy.end(); ++it)
                managed.insert(it.key(), it.value());
            revs.append(QJsonObject{
                {QStringLiteral("revisionName"), r.revisionName},
                {QStringLiteral("desiredReplicas"), r.desiredReplicas},
                {QStringLiteral("readyReplicas"), r.readyReplicas},
                {QStringLiteral("weight"), r.weight},
                {QStringLiteral("deployments"), QJsonArray::fromStringList(r.deployments)},
                {QStringLiteral("replicasManagedBy"), managed}});
        }
        QJsonObject status = s.plan.status.toJson();
        QJsonObject data{
            {QStringLiteral("name"), s.plan.name},
            {QStringLiteral("namespace"), ns},
            {QStringLiteral("phase"), s.plan.status.phase},
            {QStringLiteral("conditions"), status.value(QLatin1String("conditions"))},
            {QStringLiteral("revisions"), revs},
            {QStringLiteral("routing"), s.routing ? routingApiName(*s.routing) : QString()},
            {QStringLiteral("placement"), status.value(QLatin1String("placement"))},
            {QStringLiteral("applyInProgress"), s.applyInProgress},
            {QStringLiteral("interrupted"), s.interrupted}};
        if (s.lease)
            data.insert(
                QStringLiteral("lease"),
                QJsonObject{
                    {QStringLiteral("name"), s.lease->name},
                    {QStringLiteral("holder"), s.lease->holder},
                    {QStringLiteral("acquireTime"), s.lease->acquireTime.toString(Qt::ISODate)},
                    {QStringLiteral("renewTime"), s.lease->renewTime.toString(Qt::ISODate)},
                    {QStringLiteral("leaseDurationSeconds"), s.lease->durationSeconds}});
        if (s.lastCompleted)
            data.insert(QStringLiteral("lastCompletedSpec"),
                        s.lastCompleted->toJson().value(QLatin1String("spec")));
        printData(o, data);
        return exitOk;
    }
    QString out =
        QStringLiteral("AppDeployment: %1/%2\nPhase:         %3\n")
            .arg(ns, s.plan.name,
                 (s.plan.status.phase.isEmpty() ? QStringLiteral("(none)") : s.plan.status.phase) +
                     (s.interrupted ? QStringLiteral(" (interrupted)") : QString()));
    if (s.routing)
        out += QStringLiteral("Routing:       %1/%2 (annotation %3)\n")
                   .arg(routingKind(*s.routing), s.plan.name, QLatin1String(routingAnnotation));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (s.applyInProgress)
        out += QStringLiteral("Apply:         in progress by %1 (Lease %2, renewed %3 s ago)\n")
                   .arg(s.lease->describe(), s.lease->name,
                        QString::number(s.lease->renewTime.secsTo(now)));
    if (s.interrupted) {
        out +=
            QStringLiteral("Interrupted:   an apply set phase Rolling and stopped half way: %1\n")
                .arg(s.lease
                         ? QStringLiteral("its Lease (%1) expired at %2")
                               .arg(s.lease->describe(), s.lease->expiresAt().toString(Qt::ISODate))
                         : QStringLiteral("no apply holds the Lease"));
        out += QStringLiteral("               Routing only points at ready revisions, but replicas "
                              "and objects may be between two plans. Ways out:\n");
        out += QStringLiteral("  re-apply:    veladesk reapply %1 -n %2   (the stored plan: %3)\n")
                   .arg(s.plan.name, ns, revisionsText(s.plan));
        if (s.lastCompleted)
            out += QStringLiteral("  revert:      veladesk revert %1 -n %2    (the last completed "
                                  "plan: %3)\n")
                       .arg(s.plan.name, ns, revisionsText(*s.lastCompleted));
        else
            out += QStringLiteral("  revert:      no completed plan recorded; apply the plan you "
                                  "want with veladesk apply -f\n");
    }
    if (!s.plan.status.conditions.isEmpty()) {
        out += QStringLiteral("Conditions:\n");
        for (const Condition& c : s.plan.status.conditions)
            out += QStringLiteral("  %1=%2 %3 (%4): %5\n")
                       .arg(c.type, c.status, c.reason, c.lastTransitionTime, c.message);
    }
    out += QLatin1Char('\n') + pad(QStringLiteral("REVISION"), 28) +
           pad(QStringLiteral("DESIRED"), 9) + pad(QStringLiteral("READY"), 7) +
           pad(QStringLiteral("WEIGHT"), 8) + QStringLiteral("DEPLOYMENTS\n");
    for (const RevisionState& r : s.revisions)
        out += pad(r.revisionName, 28) + pad(QString::number(r.desiredReplicas), 9) +
               pad(QString::number(r.readyReplicas), 7) + pad(QString::number(r.weight), 8) +
               r.deployments.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (const RevisionState& r : s.revisions)
        for (auto it = r.replicasManagedBy.begin(); it != r.replicasManagedBy.end(); ++it)
            out += QStringLiteral("Deployment/%1: replicas managed by HPA/%2 (the plan's %3 is "
                                  "not applied)\n")
                       .arg(it.key(), it.value().section(QLatin1Char('/'), 1))
                       .arg(r.desiredReplicas);
    out += placementText(o, read->client, s.plan, ns);
    printOut(out);
    return exitOk;
}

} // namespace veladesk::cli
