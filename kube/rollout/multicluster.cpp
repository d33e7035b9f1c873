#include "kube/rollout/multicluster.h"

#include "kube/kubeconfig.h"
#include "kube/rollout/await.h"
#include "kube/rollout/cluster.h"

#include <QMutex>
#include <QMutexLocker>
#include <QThread>
#include <QWaitCondition>

namespace kube::rollout {

Result<ClusterContexts> ClusterContexts::parse(const QStringList& entries)
{
    using R = Result<ClusterContexts>;
    ClusterContexts out;
    for (const QString& e : entries) {
        const qsizetype eq = e.indexOf(QLatin1Char('='));
        const QString name = eq < 0 ? QString() : e.left(eq).trimmed();
        const QString context = eq < 0 ? QString() : e.mid(eq + 1).trimmed();
        if (name.isEmpty() || context.isEmpty())
            return R::failure(Status::error(
                Status::Kind::Invalid,
                ktr("kube::rollout", "--cluster %1: expected NAME=CONTEXT (a cluster name of the "
                                     "plan's placements and a kubeconfig context)")
                    .arg(e.left(200))));
        if (out.m_map.contains(name) && out.m_map.value(name) != context)
            return R::failure(Status::error(
                Status::Kind::Invalid,
                ktr("kube::rollout", "--cluster: cluster %1 is mapped twice (%2 and %3)")
                    .arg(name, out.m_map.value(name), context)));
        out.m_map.insert(name, context);
    }
    return R::success(out);
}

QString ClusterContexts::clusterOf(const QString& context) const
{
    for (auto it = m_map.begin(); it != m_map.end(); ++it)
        if (it.value() == context)
            return it.key();
    return context;
}

Result<QList<ClusterTarget>> connectClusters(const AppDeploymentPlan& plan,
                                             std::shared_ptr<Client> home,
                                             const ClusterContexts& contexts,
                                             const KubeConfigOptions& kubeconfig,
                                             const QStringList& previous)
{
    using R = Result<QList<ClusterTarget>>;
    const QString homeContext = home->connection().contextName;
    const QString homeName = contexts.clusterOf(homeContext);
    QList<ClusterTarget> out{ClusterTarget{homeName, homeContext, home}};
    QStringList names = plan.clusters(homeName);
    for (const QString& p : previous)
        if (!p.isEmpty() && p != homeName && !names.contains(p))
            names << p;
    if (names.size() <= 1)
        return R::success(out);
    KubeConfigOptions ko = kubeconfig;
    ko.context.clear();
    Result<KubeConfig> config = KubeConfig::load(ko);
    if (!config)
        return R::failure(config.status);
    for (const QString& name : names.mid(1)) {
        const QString context = contexts.contextOf(name);
        if (!config.value.contexts.contains(context))
            return R::failure(Status::error(
                Status::Kind::Config,
                ktr("kube::rollout", "cluster %1 of the plan's placements: the kubeconfig has no "
                                     "context %2 (map it with --cluster %1=CONTEXT; contexts: %3); "
                                     "nothing was changed")
                    .arg(name, context,
                         config.value.contextNames().join(QStringLiteral(", ")).left(500)),
                QStringLiteral("AppDeployment/") + plan.name, QStringLiteral("UnknownCluster")));
        Result<ClusterConnection> conn = config.value.connection(context);
        if (!conn) {
            Status st = conn.status;
            st.message =
                ktr("kube::rollout", "cluster %1 (context %2): %3").arg(name, context, st.message);
            return R::failure(st);
        }
        // The namespace is the plan's (or -n): the same in every cluster.
        conn.value.namespaceName = home->defaultNamespace();
        Result<std::shared_ptr<Client>> client = Client::create(conn.value);
        if (!client) {
            Status st = client.status;
            st.message =
                ktr("kube::rollout", "cluster %1 (context %2): %3").arg(name, context, st.message);
            return R::failure(st);
        }
        out << ClusterTarget{name, context, client.value};
    }
    return R::success(out);
}

QStringList previousClusters(const AppDeploymentStatus& status, const QString& home)
{
    QStringList out;
    for (const PlacementStatus& p : status.placement)
        for (const PlacementStatus::Cluster& c : p.clusters)
            if (!c.clusterName.isEmpty() && c.clusterName != home && !out.contains(c.clusterName))
                out << c.clusterName;
    return out;
}

Result<QStringList> readPreviousClusters(Client& home, const QString& ns, const QString& name,
                                         const QString& homeName)
{
    using R = Result<QStringList>;
    Result<QJsonObject> ad = detail::await(home.get(ResourceType::appDeployments(), ns, name));
    if (!ad && (ad.status.isNotFound() || ad.status.httpCode == 404))
        return R::success({});
    if (!ad)
        return R::failure(ad.status);
    return R::success(previousClusters(
        AppDeploymentStatus::fromJson(ad.value.value(QLatin1String("status")).toObject()),
        homeName));
}

Status probeClusters(const QList<ClusterTarget>& clusters, int timeoutMs)
{
    QList<QFuture<Response>> probes;
    for (const ClusterTarget& c : clusters) {
        Request req;
        req.path = QStringLiteral("/version");
        req.object = QStringLiteral("cluster ") + c.name;
        req.timeoutMs = timeoutMs;
        req.retryReads = false;
        probes << c.client->send(req);
    }
    QStringList failures;
    Status first;
    for (int i = 0; i < clusters.size(); ++i) {
        const Response r = detail::await(probes[i]);
        if (r.status.ok())
            continue;
        const ClusterTarget& c = clusters.at(i);
        failures << ktr("kube::rollout", "cluster %1 (context %2, server %3) is unreachable: %4")
                        .arg(c.name.isEmpty() ? ktr("kube::rollout", "(home)") : c.name, c.context,
                             c.client->connection().cluster.server, r.status.toString());
        if (first.ok())
            first = r.status;
    }
    if (failures.isEmpty())
        return Status::success();
    Status st = first;
    st.setMessage(tx("kube::rollout", "%1; nothing was changed in any cluster")
                      .arg(failures.join(QStringLiteral("; "))));
    st.reason = QStringLiteral("ClusterUnreachable");
    return st;
}

QList<PlacementStatus> placementStatusOf(const AppDeploymentPlan& plan, const QString& home)
{
    QList<PlacementStatus> out;
    const QStringList clusters = plan.clusters(home);
    for (const RevisionPlacement& r : plan.appRevisions) {
        PlacementStatus ps{r.revisionName, {}};
        for (const QString& c : clusters)
            if (r.placedIn(c, home))
                ps.clusters << PlacementStatus::Cluster{c, r.replicasIn(c, home)};
        out << ps;
    }
    return out;
}

QList<PlacementState> placementStatesIn(const AppDeploymentPlan& plan, const QString& home,
                                        const QString& cluster, const QString& context,
                                        const QMap<QString, LiveReplicas>& live,
                                        const QString& error)
{
    QList<PlacementState> out;
    for (const RevisionPlacement& r : plan.appRevisions) {
        if (!r.placedIn(cluster, home))
            continue;
        PlacementState s{r.revisionName, cluster, context, r.replicasIn(cluster, home), -1, error};
        if (error.isEmpty()) {
            const auto it = live.constFind(r.revisionName);
            s.ready = it == live.cend() ? 0 : it->ready;
            s.live = it == live.cend() ? -1 : it->replicas;
        }
        out << s;
    }
    return out;
}

QList<PlacementState> readPlacementStates(const QList<ClusterTarget>& clusters,
                                          const AppDeploymentPlan& plan, const QString& ns)
{
    QList<PlacementState> out;
    if (clusters.isEmpty())
        return out;
    const QString home = clusters.first().name;
    for (const ClusterTarget& c : clusters) {
        QString error;
        QMap<QString, LiveReplicas> live; // revision -> its Deployments
        if (Status st = probeClusters({c}); !st.ok()) {
            error = st.message;
        } else {
            ListOptions lo;
            lo.labelSelector = QStringLiteral("app.oam.dev/appDeployment=") + plan.name;
            Result<ObjectList> list =
                detail::await(c.client->list(ResourceType::deployments(), ns, lo));
            if (!list)
                error = list.status.toString();
            else
                for (const QJsonObject& d : list.value.items) {
                    LiveReplicas& l = live[d.value(QLatin1String("metadata"))
                                               .toObject()
                                               .value(QLatin1String("labels"))
                                               .toObject()
                                               .value(QLatin1String("app.oam.dev/appRevision"))
                                               .toString()];
                    const QJsonObject spec = d.value(QLatin1String("spec")).toObject();
                    l.replicas += spec.value(QLatin1String("replicas")).toInt(1);
                    l.ready += d.value(QLatin1String("status"))
                                   .toObject()
                                   .value(QLatin1String("readyReplicas"))
                                   .toInt();
                }
        }
        out << placementStatesIn(plan, home, c.name, c.context, live, error);
    }
    return out;
}

QString MultiClusterReport::toString() const
{
    QStringList lines;
    for (const auto& [cluster, report] : clusters) {
        lines << ktr("kube::rollout", "cluster %1:").arg(cluster);
        for (const QString& l : report.toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            lines << QStringLiteral("  ") + l;
    }
    if (!status.ok())
        lines << ktr("kube::rollout", "error: %1").arg(status.toString());
    return lines.join(QLatin1Char('\n'));
}

namespace {

// Step boundaries every cluster reaches before any goes on (make before break across clusters).
bool isBarrier(ApplyStep s)
{
    return s == ApplyStep::AppDeployment || s == ApplyStep::Routing || s == ApplyStep::ScaleDown ||
           s == ApplyStep::Status;
}

// Steps that change a cluster.
bool writes(ApplyStep s)
{
    return s == ApplyStep::AppDeployment || s == ApplyStep::Deployments ||
           s == ApplyStep::Services || s == ApplyStep::Routing || s == ApplyStep::ScaleDown ||
           s == ApplyStep::Prune || s == ApplyStep::Status;
}

} // namespace

struct MultiClusterApplier::Private
{
    QList<ClusterTarget> clusters;
    AppDeploymentPlan plan;
    ApplyOptions options;
    std::vector<std::unique_ptr<Applier>> appliers;

    QMutex mutex;
    QWaitCondition changed;
    QMap<int, int> arrived; // barrier step -> clusters arrived
    int finishedCount = 0;
    bool aborted = false;

    void arrive(ApplyStep s)
    {
        QMutexLocker lock(&mutex);
        arrived[int(s)] += 1;
        changed.wakeAll();
        while (!aborted && arrived.value(int(s)) + finishedCount < int(clusters.size()))
            changed.wait(&mutex);
    }
    void abortAll()
    {
        for (const auto& a : appliers)
            a->cancel();
        QMutexLocker lock(&mutex);
        aborted = true;
        changed.wakeAll();
    }
};

MultiClusterApplier::MultiClusterApplier(QList<ClusterTarget> clusters, AppDeploymentPlan plan,
                                         ApplyOptions options, QObject* parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    d->clusters = std::move(clusters);
    d->plan = std::move(plan);
    d->options = std::move(options);
}

MultiClusterApplier::~MultiClusterApplier() = default;

void MultiClusterApplier::cancel()
{
    d->abortAll();
}

MultiClusterReport MultiClusterApplier::run()
{
    MultiClusterReport report;
    if (d->clusters.isEmpty()) {
        report.status = Status::error(Status::Kind::Invalid, ktr("kube::rollout", "no cluster"));
        return report;
    }
    const ClusterTarget& home = d->clusters.first();
    const QString ns = !d->plan.namespaceName.isEmpty()      ? d->plan.namespaceName
                       : !d->options.namespaceName.isEmpty() ? d->options.namespaceName
                                                             : home.client->defaultNamespace();
    // Every cluster answers before anything starts.
    if (Status st = probeClusters(d->clusters); !st.ok()) {
        report.status = st;
        return report;
    }
    // The ApplicationRevisions are the home cluster's.
    Result<QList<AppRevision>> revisions = listRevisions(*home.client, ns);
    if (!revisions) {
        report.status = revisions.status;
        return report;
    }

    d->appliers.clear();
    d->arrived.clear();
    d->finishedCount = 0;
    d->aborted = false;
    for (int i = 0; i < d->clusters.size(); ++i) {
        const ClusterTarget& c = d->clusters.at(i);
        ApplyOptions o = d->options;
        o.namespaceName = ns;
        o.homeCluster = home.name;
        o.cluster = c.name;
        // Every cluster's apply must reach the barriers: one that stopped after its dry-run
        // as "unchanged" would leave the others waiting. A multi-cluster apply runs every step.
        o.skipUnchanged = false;
        if (i == 0)
            o.placementStatus = placementStatusOf(d->plan, home.name);
        else
            o.memberRevisions = revisions.value;
        auto applier = std::make_unique<Applier>(c.client, d->plan, o);
        const QString name = c.name;
        connect(
            applier.get(), &Applier::stepStarted, this,
            [this, name](ApplyStep s, const QString& description) {
                if (isBarrier(s) && !d->options.dryRun) {
                    Q_EMIT stepProgress(name, s, ktr("kube::rollout", "waiting for every cluster"));
                    d->arrive(s);
                }
                Q_EMIT stepStarted(name, s, description);
            },
            Qt::DirectConnection);
        connect(
            applier.get(), &Applier::stepProgress, this,
            [this, name](ApplyStep s, const QString& m) { Q_EMIT stepProgress(name, s, m); },
            Qt::DirectConnection);
        connect(
            applier.get(), &Applier::stepFinished, this,
            [this, name](const StepResult& r) { Q_EMIT stepFinished(name, r); },
            Qt::DirectConnection);
        d->appliers.push_back(std::move(applier));
    }

    QList<ApplyReport> reports(d->clusters.size());
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < d->clusters.size(); ++i) {
        threads.push_back(std::unique_ptr<QThread>(QThread::create([this, i, &reports] {
            const ApplyReport r = d->appliers.at(size_t(i))->run();
            reports[i] = r;
            if (!r.ok())
                d->abortAll();
            QMutexLocker lock(&d->mutex);
            ++d->finishedCount;
            d->changed.wakeAll();
        })));
        threads.back()->setObjectName(QStringLiteral("veladesk-apply-") + d->clusters.at(i).name);
        threads.back()->start();
    }
    for (const auto& t : threads)
        t->wait();

    // The first failure that is not a cancel caused by another cluster's failure.
    int failed = -1;
    for (int i = 0; i < reports.size(); ++i)
        if (!reports.at(i).ok() && reports.at(i).status.kind != Status::Kind::Cancelled) {
            failed = i;
            break;
        }
    if (failed < 0)
        for (int i = 0; i < reports.size(); ++i)
            if (!reports.at(i).ok()) {
                failed = i;
                break;
            }
    for (int i = 0; i < d->clusters.size(); ++i)
        report.clusters << qMakePair(d->clusters.at(i).name, reports.at(i));
    if (failed < 0)
        return report;

    const ClusterTarget& bad = d->clusters.at(failed);
    report.failedCluster = bad.name;
    QString failedStep;
    for (const StepResult& s : reports.at(failed).steps)
        if (s.state == StepResult::State::Failed || s.state == StepResult::State::Cancelled)
            failedStep = applyStepName(s.step);
    QStringList halfApplied;
    for (int i = 0; i < reports.size(); ++i) {
        QStringList done;
        for (const StepResult& s : reports.at(i).steps)
            if (writes(s.step) && (s.state == StepResult::State::Done ||
                                   (s.state == StepResult::State::Failed && i == failed)))
                done << applyStepName(s.step);
        if (!done.isEmpty())
            halfApplied << QStringLiteral("cluster %1 (%2)")
                               .arg(d->clusters.at(i).name, done.join(QStringLiteral(", ")));
    }
    Status st = reports.at(failed).status;
    const Text outcome =
        halfApplied.isEmpty()
            ? tx("kube::rollout", "nothing was changed in any cluster")
            : tx("kube::rollout", "half-applied: %1; routing still points only at ready revisions; "
                                  "apply the plan again once cluster %2 answers to finish")
                  .arg(halfApplied.join(QStringLiteral("; ")), bad.name);
    st.setMessage(tx("kube::rollout", "cluster %1 (context %2) failed at step %3: %4; %5")
                      .arg(bad.name, bad.context, failedStep, st.text(), outcome));
    report.status = st;
    return report;
}

} // namespace kube::rollout
