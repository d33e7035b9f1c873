#pragma once
// The objects of one namespace, kept current by one kube::Watch per kind: the cache every
// model reads (watch -> store -> model). Each object is parsed once per change into the typed
// value the models use (the engine's kube::rollout types where they exist, small structs with
// only the fields shown elsewhere); there is no periodic relist.
//
// Change signals are coalesced: a burst of watch batches makes one changed(kind) per kind and
// frame (kChangeDelayMs). Pods and Events are not cached here: pods go, still as watch events,
// to PodsModel, which parses each once and applies them per frame (10,000 pods must not be
// held twice); Events are parsed into KubeEvent and handed on.
//
// Adding a kind: a Kind value, a typed value with a parse function, a QMap member and one
// addCachedKind() line in the constructor (see namespacestore.cpp).
//
// Apply Leases (issue 8) are a kind like the others, but what they mean depends on the time: a
// Lease expires without any event. While a held Lease is cached the store looks at the clock
// every second and reports changed(ApplyLeases) when a Lease's liveness flipped, so the models
// and the controller that follow that kind re-evaluate "apply in progress" / "interrupted".

#include "kube/client.h"
#include "kube/rollout/application.h"
#include "kube/rollout/applylease.h"
#include "kube/rollout/history.h"
#include "kube/rollout/inspect.h"
#include "kube/rollout/plan.h"
#include "kube/watch.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <functional>
#include <memory>

namespace veladesk {

// A KubeVela Application, as far as the panes show it.
struct ApplicationInfo
{
    QString name;
    QString latestRevision; // status.latestRevision.name
    bool operator==(const ApplicationInfo&) const = default;
    static ApplicationInfo fromJson(const QJsonObject& object);
};

struct DeploymentInfo
{
    QString name;
    QString revision;      // label app.oam.dev/appRevision ("" when unlabelled)
    QString appDeployment; // label app.oam.dev/appDeployment
    int replicas = 1;      // spec.replicas (Kubernetes' default 1)
    int readyReplicas = 0; // status.readyReplicas
    bool operator==(const DeploymentInfo&) const = default;
    static DeploymentInfo fromJson(const QJsonObject& object);
};

struct ServiceInfo
{
    QString name;
    QString revision; // selector app.oam.dev/appRevision
    QList<int> ports;
    bool operator==(const ServiceInfo&) const = default;
    static ServiceInfo fromJson(const QJsonObject& object);
};

struct VirtualServiceInfo
{
    QString name;
    QStringList hosts;
    // Destination host and weight of each route of the first http rule (a single route without
    // a weight gets 100, as Istio does).
    QList<QPair<QString, int>> weights;
    // Sum of the weights whose destination is a Service of `revisionName` (<revision>-...).
    int weightOf(const QString& revisionName) const;
    bool operator==(const VirtualServiceInfo&) const = default;
    static VirtualServiceInfo fromJson(const QJsonObject& object);
};

// A HorizontalPodAutoscaler (autoscaling/v2): which Deployment's replicas it scales.
struct HorizontalPodAutoscalerInfo
{
    QString name;
    QString deployment; // spec.scaleTargetRef when it is an apps Deployment, else ""
    bool operator==(const HorizontalPodAutoscalerInfo&) const = default;
    static HorizontalPodAutoscalerInfo fromJson(const QJsonObject& object);
};

// What is going on with the applies of one AppDeployment, judged at one moment from its phase
// and its apply Lease (kube::rollout::applyActivity()).
struct ApplyActivityInfo
{
    kube::rollout::ApplyActivity activity = kube::rollout::ApplyActivity::Idle;
    std::optional<kube::rollout::ApplyLeaseInfo> lease; // the AppDeployment's Lease, if any

    // The holder without what only tells two applies apart: "alice@laptop (veladesk-cli)" for
    // "alice@laptop (veladesk-cli, pid 7, beef)" (kube::rollout::applyHolderIdentity());
    // another tool's holder as it is.
    QString holderShort() const;
    // When the Lease was taken, in local time ("10:00:05" today, else "2026-12-01 10:00").
    QString sinceText() const;
    // "apply in progress by <holderShort> since <sinceText>" while InProgress, else "".
    QString inProgressText() const;
};

// A Kubernetes Event (core/v1), for the log.
struct KubeEvent
{
    QString type; // Normal, Warning
    QString reason;
    QString objectKind;
    QString objectName;
    QString message;
    static KubeEvent fromJson(const QJsonObject& object);
    QString text() const; // "<reason> <kind>/<name>: <message>"
};

class NamespaceStore : public QObject
{
    Q_OBJECT
public:
    enum class Kind
    {
        Applications,
        ApplicationRevisions,
        AppDeployments,
        Deployments,
        Services,
        VirtualServices,
        Pods,
        Events,
        History, // apps/v1 ControllerRevisions labelled managed-by=veladesk (history.h)
        // Issue 8: the apply Leases (coordination.k8s.io/v1, labelled app.oam.dev/appDeployment)
        // and HorizontalPodAutoscalers (autoscaling/v2). Neither delays isLoading().
        ApplyLeases,
        HorizontalPodAutoscalers,
        // The object tree's kinds (issue 15): kept only in inspected().
        ReplicaSets,
        EndpointSlices,
        Gateways,      // gateway.networking.k8s.io
        HTTPRoutes,    // gateway.networking.k8s.io
        IstioGateways, // networking.istio.io
    };
    Q_ENUM(Kind)
    static constexpr int kChangeDelayMs = 16;

    struct Options
    {
        QString virtualServiceVersion = QStringLiteral("v1"); // "" when Istio is not served
        bool appDeploymentsServed = true;                     // the CRD is installed
        bool horizontalPodAutoscalersServed = true;           // autoscaling/v2 is served
        QString gatewayApiVersion = QStringLiteral("v1");     // "" when Gateway API is not served
        QString istioGatewayVersion = QStringLiteral("v1");   // "" when Istio is not served
    };

    explicit NamespaceStore(QObject* parent = nullptr);
    ~NamespaceStore() override;

    // Watches every kind of `namespaceName` (dropping what was there). Objects arrive as each
    // watch lists; isLoading() until every started watch has listed once.
    void start(std::shared_ptr<kube::Client> client, const QString& namespaceName,
               const Options& options);
    // Stops the watches and empties the store.
    void stop();
    // Lists every kind again (F5): new watches with the same settings; each kind's objects are
    // replaced when its new list arrives.
    void restart();
    // The whole pods (podObjectsReset, podObjectEvents) are listed and followed once a reader
    // asks for them: the object tree, when it shows an application. Until then a namespace of
    // 10,000 pods pays only for the pods pane's Table (no 70 MB list of whole pods, no copy of
    // them in memory). It stays asked for, across namespaces.
    void wantPodObjects();

    QString namespaceName() const { return m_namespace; }
    bool isLoading() const { return !m_pendingSync.isEmpty(); }
    bool isWatched(Kind kind) const;
    kube::WatchHealth health(Kind kind) const;

    const QMap<QString, ApplicationInfo>& applications() const { return m_applications; }
    const QMap<QString, kube::rollout::AppRevision>& revisions() const { return m_revisions; }
    const QMap<QString, kube::rollout::AppDeploymentPlan>& appDeployments() const
    {
        return m_appDeployments;
    }
    const QMap<QString, DeploymentInfo>& deployments() const { return m_deployments; }
    const QMap<QString, ServiceInfo>& services() const { return m_services; }
    const QMap<QString, VirtualServiceInfo>& virtualServices() const { return m_virtualServices; }
    const QMap<QString, kube::rollout::HistoryEntry>& history() const { return m_history; }
    // Apply Leases by Lease name; HPAs by name.
    const QMap<QString, kube::rollout::ApplyLeaseInfo>& applyLeases() const
    {
        return m_applyLeases;
    }
    const QMap<QString, HorizontalPodAutoscalerInfo>& horizontalPodAutoscalers() const
    {
        return m_hpas;
    }

    // Every revision of the namespace (what validate() checks a plan against).
    const QList<kube::rollout::AppRevision>& revisionList() const;
    // The revisions of one application, by number.
    QList<kube::rollout::AppRevision> revisionsOf(const QString& appName) const;
    // The AppDeployment that names a revision of `appName` (appRevisions or targets), if any.
    const kube::rollout::AppDeploymentPlan* appDeploymentFor(const QString& appName) const;
    const VirtualServiceInfo* virtualService(const QString& name) const;
    // The apply Lease of an AppDeployment (kube::rollout::applyLeaseName()), if cached.
    const kube::rollout::ApplyLeaseInfo* applyLeaseOf(const QString& appDeploymentName) const;
    // In progress (a live Lease), Interrupted (phase Rolling, no live Lease) or Idle, now (see
    // setClock()). Never Interrupted before the Leases have been listed once: the store does not
    // know yet whether an apply holds one.
    ApplyActivityInfo applyActivityOf(const kube::rollout::AppDeploymentPlan& appDeployment) const;
    // Deployment name -> "HorizontalPodAutoscaler/<name>" for the Deployments an HPA scales
    // (VelaDesk does not send their spec.replicas), as kube::rollout::replicasManagedByHpa().
    QMap<QString, QString> replicasManagedBy() const;
    // The clock Lease liveness is judged with (tests set one); UTC.
    void setClock(std::function<QDateTime()> now);
    QDateTime now() const { return m_now(); }
    // The kind's first list arrived (or was given to resetKind()).
    bool hasListed(Kind kind) const { return m_listed.contains(kind); }

    // What the object tree shows of every kind but pods (issue 15), parsed once per change
    // from the same watch events (a second typed value of the kinds above, with the metadata,
    // conditions and links their panes do not need). Kinds the server does not serve are
    // empty and marked so.
    const kube::rollout::InspectedObjects& inspected() const { return m_inspected; }
    // Deployments of a revision: labelled app.oam.dev/appRevision=<revision>, else (objects
    // made before the label) named as the engine names them for the revision's components.
    QList<DeploymentInfo> deploymentsOf(const kube::rollout::AppRevision& revision) const;

    // What a watch delivers, for one kind: the first list, then events. The watches call these;
    // tests and benchmarks feed recorded objects through the same path.
    void resetKind(Kind kind, const QList<QJsonObject>& objects);
    void applyEvents(Kind kind, const QList<kube::WatchEvent>& events);

    // Calls `refresh` on `receiver`'s thread once after every frame in which one of `kinds`
    // changed (a model that shows several kinds rebuilds once). Disconnect with
    // disconnect(store, nullptr, receiver, nullptr).
    void follow(QObject* receiver, const QSet<Kind>& kinds, std::function<void()> refresh) const;

    // Emits the pending changed() signals now instead of at the end of the frame.
    void flushChanges();

    // How many objects were parsed since construction (each object once per change).
    int parseCount() const { return m_parseCount; }

Q_SIGNALS:
    // The cached objects of `kind` changed (once per frame at most).
    void changed(veladesk::NamespaceStore::Kind kind);
    // After the changed() signals of one frame: a model that follows several kinds rebuilds
    // once here.
    void changesDone();
    void loadingChanged(bool loading);
    // Pods, for PodsModel::setPods / PodsModel::enqueue. The first list is a server-side Table
    // (kube::Watch::setFirstListAsTable: what the pods pane shows, without the rest of each
    // pod); events carry whole (slim) pods.
    void podsReset(const QList<QJsonObject>& pods);
    void podEvents(const QList<kube::WatchEvent>& events);
    // The same pods as whole (slim) objects, for a reader that needs more than the pane's
    // columns (the object tree), after wantPodObjects(): after a Table list, a list of whole
    // pods at exactly the Table's (or the watch's latest) resourceVersion follows, and the
    // events that arrived meanwhile come after it.
    void podObjectsReset(const QList<QJsonObject>& pods);
    void podObjectEvents(const QList<kube::WatchEvent>& events);
    // Events added or modified while the namespace is open.
    void kubeEvents(const QList<veladesk::KubeEvent>& events);
    void healthChanged(veladesk::NamespaceStore::Kind kind, kube::WatchHealth health,
                       const QString& message);
    // An object that could not be parsed (it is left out), with why.
    void objectRejected(veladesk::NamespaceStore::Kind kind, const QString& message);

private:
    // How one cached kind turns watch deliveries into its map.
    struct KindHandler
    {
        std::function<void()> clear;
        std::function<void(const QJsonObject&)> put;
        std::function<void(const QString& name)> remove;
    };
    template <typename T, typename Parse>
    void addCachedKind(Kind kind, QMap<QString, T>* map, Parse parse);
    // The object tree's value of a kind, kept beside the kind's own (if any).
    template <typename T> void addInspectedKind(Kind kind, QMap<QString, T>* map);
    void addTreeKinds(QList<Kind>& kinds);
    kube::ResourceType typeOf(Kind kind) const;
    kube::ListOptions listOptionsOf(Kind kind) const;
    // The names of the Leases that are live now; checkLeases() compares them every second.
    QSet<QString> liveLeases() const;
    void checkLeases();
    void startWatches();
    void stopWatches();
    void startWatch(Kind kind);
    void markChanged(Kind kind);
    void emitChanges();
    // After a Table list of the pods: the whole pods at its resourceVersion.
    void listPodObjects(const QString& resourceVersion, bool exact);

    std::shared_ptr<kube::Client> m_client;
    QString m_namespace;
    Options m_options;
    QHash<Kind, QPointer<kube::Watch>> m_watches;
    QSet<Kind> m_pendingSync;
    QSet<Kind> m_listed;
    QSet<Kind> m_dirty;
    QTimer m_emitTimer;
    QHash<Kind, KindHandler> m_handlers;
    int m_parseCount = 0;
    // While the whole pods of a Table list are being listed: the pod events meanwhile.
    bool m_podObjectsPending = false;
    QList<kube::WatchEvent> m_podObjectEvents;
    quint64 m_podObjectsGeneration = 0;
    bool m_podObjectsWanted = false; // wantPodObjects()
    bool m_podsSynced = false;       // the pods watch has listed once
    bool m_eventsAfterPods = false;  // the Events watch starts when the pods have listed

    QMap<QString, ApplicationInfo> m_applications;
    QMap<QString, kube::rollout::AppRevision> m_revisions;
    QMap<QString, kube::rollout::AppDeploymentPlan> m_appDeployments;
    QMap<QString, DeploymentInfo> m_deployments;
    QMap<QString, ServiceInfo> m_services;
    QMap<QString, VirtualServiceInfo> m_virtualServices;
    QMap<QString, kube::rollout::HistoryEntry> m_history;
    QMap<QString, kube::rollout::ApplyLeaseInfo> m_applyLeases;
    QMap<QString, HorizontalPodAutoscalerInfo> m_hpas;
    QSet<QString> m_liveLeases;
    QTimer m_leaseTicker;
    std::function<QDateTime()> m_now;
    kube::rollout::InspectedObjects m_inspected;
    mutable std::optional<QList<kube::rollout::AppRevision>> m_revisionList;
};

} // namespace veladesk

Q_DECLARE_METATYPE(veladesk::KubeEvent)
