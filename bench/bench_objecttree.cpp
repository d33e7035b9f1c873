// The object tree (issue 15) at scale: one application whose two revisions run N pods in all
// (default 10,000), behind two Services with EndpointSlices of 100 endpoints each, routed by a
// VirtualService. Prints:
//  1. build time of the tree (kube::rollout::buildObjectTree, what the GUI and `veladesk tree`
//     run) and of the text `veladesk tree` prints: min / median / max over R runs;
//  2. the Objects pane (ObjectTreePane: model, filter, view, shown and fully expanded) while the
//     store hands it the list of N pods: time until every pod is a row, GUI-thread stalls;
//  3. the same pane while N pod watch events (readiness flips) arrive in batches of 50 every
//     millisecond: stalls, rebuilds, time until the tree shows the last change;
//  4. the same with a search filter typed ("pod/" + a name fragment): stalls.
//
//   bench_objecttree [--pods N] [--runs R]
// Exit code 0; the figures are the result (no pass/fail threshold).

#include "kube/rollout/objecttree.h"
#include "models/namespacestore.h"
#include "models/objecttreefilter.h"
#include "models/objecttreemodel.h"
#include "ui/objecttreepane.h"

#include "bench/benchutil.h"

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QLineEdit>
#include <QTest>
#include <QTreeView>

using namespace veladesk;
using benchutil::out;
using benchutil::spin;
using benchutil::StallMeter;

namespace {

const QString kApp = QStringLiteral("bench");

QJsonObject owner(const QString& apiVersion, const QString& kind, const QString& name,
                  const QString& uid)
{
    return QJsonObject{{QStringLiteral("apiVersion"), apiVersion},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("uid"), uid},
                       {QStringLiteral("controller"), true}};
}

QJsonObject meta(const QString& name, const QString& uid, const QJsonObject& labels = {},
                 const QJsonArray& owners = {})
{
    QJsonObject m{{QStringLiteral("name"), name},
                  {QStringLiteral("uid"), uid},
                  {QStringLiteral("resourceVersion"), QStringLiteral("1")},
                  {QStringLiteral("creationTimestamp"), QStringLiteral("2026-11-25T16:00:00Z")}};
    if (!labels.isEmpty())
        m.insert(QStringLiteral("labels"), labels);
    if (!owners.isEmpty())
        m.insert(QStringLiteral("ownerReferences"), owners);
    return m;
}

QString revisionName(int r)
{
    return QStringLiteral("bench-v%1").arg(r);
}

QJsonObject makePod(int i, bool ready, int resourceVersion = 1)
{
    const int r = i % 2 + 1;
    QJsonObject m = meta(
        QStringLiteral("web-v%1-5d8f-%2").arg(r).arg(i, 5, 10, QLatin1Char('0')),
        QStringLiteral("pod-%1").arg(i),
        QJsonObject{{QStringLiteral("app.oam.dev/appRevision"), revisionName(r)},
                    {QStringLiteral("app.oam.dev/component"), QStringLiteral("web")}},
        QJsonArray{owner(QStringLiteral("apps/v1"), QStringLiteral("ReplicaSet"),
                         QStringLiteral("web-v%1-5d8f").arg(r), QStringLiteral("rs%1").arg(r))});
    m.insert(QStringLiteral("resourceVersion"), QString::number(resourceVersion));
    const QJsonObject running{
        {QStringLiteral("running"),
         QJsonObject{{QStringLiteral("startedAt"), QStringLiteral("2026-11-25T16:00:05Z")}}}};
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Pod")},
        {QStringLiteral("metadata"), m},
        {QStringLiteral("spec"),
         QJsonObject{
             {QStringLiteral("nodeName"), QStringLiteral("kwok-node-%1").arg(i % 3)},
             {QStringLiteral("containers"),
              QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("web")},
                                     {QStringLiteral("image"), QStringLiteral("web:1")}}}}}},
        {QStringLiteral("status"),
         QJsonObject{
             {QStringLiteral("phase"), QStringLiteral("Running")},
             {QStringLiteral("podIP"),
              QStringLiteral("10.%1.%2.%3").arg(i / 65536).arg((i / 256) % 256).arg(i % 256)},
             {QStringLiteral("conditions"),
              QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("Ready")},
                                     {QStringLiteral("status"),
                                      ready ? QStringLiteral("True") : QStringLiteral("False")}}}},
             {QStringLiteral("containerStatuses"),
              QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("web")},
                                     {QStringLiteral("ready"), ready},
                                     {QStringLiteral("restartCount"), 0},
                                     {QStringLiteral("state"), running}}}}}}};
}

struct Fixture
{
    QMap<NamespaceStore::Kind, QList<QJsonObject>> objects;
    QList<QJsonObject> pods;
};

Fixture makeNamespace(int pods)
{
    using K = NamespaceStore::Kind;
    Fixture f;
    f.objects[K::Applications] << QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("core.oam.dev/v1beta1")},
        {QStringLiteral("kind"), QStringLiteral("Application")},
        {QStringLiteral("metadata"), meta(kApp, QStringLiteral("app"))},
        {QStringLiteral("status"),
         QJsonObject{{QStringLiteral("latestRevision"),
                      QJsonObject{{QStringLiteral("name"), revisionName(2)}}}}}};
    QJsonArray placements, targets;
    for (int r : {1, 2}) {
        f.objects[K::ApplicationRevisions] << QJsonObject{
            {QStringLiteral("apiVersion"), QStringLiteral("core.oam.dev/v1beta1")},
            {QStringLiteral("kind"), QStringLiteral("ApplicationRevision")},
            {QStringLiteral("metadata"),
             meta(revisionName(r), QStringLiteral("rev%1").arg(r),
                  QJsonObject{{QStringLiteral("app.oam.dev/name"), kApp}})},
            {QStringLiteral("spec"),
             QJsonObject{
                 {QStringLiteral("application"),
                  QJsonObject{
                      {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), kApp}}},
                      {QStringLiteral("spec"),
                       QJsonObject{{QStringLiteral("components"),
                                    QJsonArray{QJsonObject{
                                        {QStringLiteral("name"), QStringLiteral("web")},
                                        {QStringLiteral("type"), QStringLiteral("webservice")},
                                        {QStringLiteral("properties"),
                                         QJsonObject{{QStringLiteral("image"),
                                                      QStringLiteral("web:%1").arg(r)},
                                                     {QStringLiteral("port"), 80}}}}}}}}}}}}};
        placements << QJsonObject{
            {QStringLiteral("revisionName"), revisionName(r)},
            {QStringLiteral("placement"),
             QJsonArray{QJsonObject{{QStringLiteral("distribution"),
                                     QJsonObject{{QStringLiteral("replicas"), pods / 2}}}}}}};
        targets << QJsonObject{{QStringLiteral("revisionName"), revisionName(r)},
                               {QStringLiteral("componentName"), QStringLiteral("web")},
                               {QStringLiteral("port"), 80},
                               {QStringLiteral("weight"), 50}};
        const QJsonArray byAd{owner(QStringLiteral("core.oam.dev/v1beta1"),
                                    QStringLiteral("AppDeployment"), kApp, QStringLiteral("ad"))};
        const QJsonObject selector{
            {QStringLiteral("app.oam.dev/appRevision"), revisionName(r)},
            {QStringLiteral("app.oam.dev/component"), QStringLiteral("web")}};
        f.objects[K::Deployments] << QJsonObject{
            {QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
            {QStringLiteral("kind"), QStringLiteral("Deployment")},
            {QStringLiteral("metadata"),
             meta(QStringLiteral("web-v%1").arg(r), QStringLiteral("dep%1").arg(r),
                  QJsonObject{{QStringLiteral("app.oam.dev/appRevision"), revisionName(r)}}, byAd)},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("replicas"), pods / 2},
                         {QStringLiteral("selector"),
                          QJsonObject{{QStringLiteral("matchLabels"), selector}}}}},
            {QStringLiteral("status"),
             QJsonObject{{QStringLiteral("replicas"), pods / 2},
                         {QStringLiteral("updatedReplicas"), pods / 2},
                         {QStringLiteral("readyReplicas"), pods / 2},
                         {QStringLiteral("availableReplicas"), pods / 2}}}};
        f.objects[K::ReplicaSets] << QJsonObject{
            {QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
            {QStringLiteral("kind"), QStringLiteral("ReplicaSet")},
            {QStringLiteral("metadata"),
             meta(QStringLiteral("web-v%1-5d8f").arg(r), QStringLiteral("rs%1").arg(r), {},
                  QJsonArray{owner(QStringLiteral("apps/v1"), QStringLiteral("Deployment"),
                                   QStringLiteral("web-v%1").arg(r),
                                   QStringLiteral("dep%1").arg(r))})},
            {QStringLiteral("spec"), QJsonObject{{QStringLiteral("replicas"), pods / 2}}},
            {QStringLiteral("status"),
             QJsonObject{{QStringLiteral("readyReplicas"), pods / 2},
                         {QStringLiteral("availableReplicas"), pods / 2}}}};
        const QString svc = QStringLiteral("bench-v%1-web-80").arg(r);
        f.objects[K::Services] << QJsonObject{
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Service")},
            {QStringLiteral("metadata"), meta(svc, QStringLiteral("svc%1").arg(r), {}, byAd)},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("selector"), selector},
                         {QStringLiteral("ports"),
                          QJsonArray{QJsonObject{{QStringLiteral("port"), 80}}}}}}};
        // EndpointSlices of at most 100 endpoints, as the EndpointSlice controller cuts them.
        for (int first = r - 1, slice = 0; first < pods; first += 200, ++slice) {
            QJsonArray endpoints;
            for (int i = first; i < std::min(pods, first + 200); i += 2)
                endpoints << QJsonObject{
                    {QStringLiteral("addresses"), QJsonArray{QStringLiteral("10.0.0.1")}},
                    {QStringLiteral("conditions"), QJsonObject{{QStringLiteral("ready"), true}}},
                    {QStringLiteral("targetRef"),
                     QJsonObject{{QStringLiteral("kind"), QStringLiteral("Pod")},
                                 {QStringLiteral("name"),
                                  makePod(i, true)[QLatin1String("metadata")][QLatin1String("name")]
                                      .toString()}}}};
            f.objects[K::EndpointSlices] << QJsonObject{
                {QStringLiteral("apiVersion"), QStringLiteral("discovery.k8s.io/v1")},
                {QStringLiteral("kind"), QStringLiteral("EndpointSlice")},
                {QStringLiteral("metadata"),
                 meta(svc + QStringLiteral("-%1").arg(slice), svc + QString::number(slice),
                      QJsonObject{{QStringLiteral("kubernetes.io/service-name"), svc}})},
                {QStringLiteral("addressType"), QStringLiteral("IPv4")},
                {QStringLiteral("endpoints"), endpoints}};
        }
    }
    f.objects[K::AppDeployments] << QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("core.oam.dev/v1beta1")},
        {QStringLiteral("kind"), QStringLiteral("AppDeployment")},
        {QStringLiteral("metadata"), meta(kApp, QStringLiteral("ad"))},
        {QStringLiteral("spec"),
         QJsonObject{
             {QStringLiteral("appRevisions"), placements},
             {QStringLiteral("traffic"),
              QJsonObject{
                  {QStringLiteral("hosts"), QJsonArray{QStringLiteral("b.example")}},
                  {QStringLiteral("http"),
                   QJsonArray{QJsonObject{{QStringLiteral("weightedTargets"), targets}}}}}}}},
        {QStringLiteral("status"),
         QJsonObject{{QStringLiteral("phase"), QStringLiteral("Completed")}}}};
    QJsonArray route;
    for (int r : {1, 2})
        route << QJsonObject{
            {QStringLiteral("destination"),
             QJsonObject{{QStringLiteral("host"), QStringLiteral("bench-v%1-web-80").arg(r)}}},
            {QStringLiteral("weight"), 50}};
    f.objects[K::VirtualServices] << QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("networking.istio.io/v1")},
        {QStringLiteral("kind"), QStringLiteral("VirtualService")},
        {QStringLiteral("metadata"),
         meta(kApp, QStringLiteral("vs"), {},
              QJsonArray{owner(QStringLiteral("core.oam.dev/v1beta1"),
                               QStringLiteral("AppDeployment"), kApp, QStringLiteral("ad"))})},
        {QStringLiteral("spec"),
         QJsonObject{
             {QStringLiteral("hosts"), QJsonArray{QStringLiteral("b.example")}},
             {QStringLiteral("http"), QJsonArray{QJsonObject{{QStringLiteral("route"), route}}}}}}};
    for (int i = 0; i < pods; ++i)
        f.pods << makePod(i, true);
    return f;
}

long rssKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return -1;
}

int countPods(const QAbstractItemModel& m, const QModelIndex& parent = {})
{
    int n = 0;
    for (int r = 0; r < m.rowCount(parent); ++r) {
        const QModelIndex i = m.index(r, 0, parent);
        if (i.data(ObjectTreeModel::KindRole).toString() == QLatin1String("Pod") &&
            i.data(ObjectTreeModel::NodeRole).toInt() == int(kube::rollout::TreeNode::Role::Object))
            ++n;
        n += countPods(m, i);
    }
    return n;
}

void buildFigures(const Fixture& f, int pods, int runs)
{
    kube::rollout::InspectedObjects objects;
    NamespaceStore store; // parses the kinds as the GUI does
    for (auto it = f.objects.cbegin(); it != f.objects.cend(); ++it)
        store.resetKind(it.key(), it.value());
    objects = store.inspected();
    kube::rollout::PodIndex index;
    QElapsedTimer t;
    t.start();
    for (const QJsonObject& p : f.pods)
        index.put(kube::rollout::PodState::fromJson(p));
    const double parseMs = double(t.nsecsElapsed()) / 1e6;

    QList<double> build, text;
    int nodes = 0;
    for (int r = 0; r < runs; ++r) {
        t.restart();
        const kube::rollout::TreeNode root = kube::rollout::buildObjectTree(kApp, objects, index);
        build << double(t.nsecsElapsed()) / 1e6;
        t.restart();
        const QString s = kube::rollout::treeToText(root, QDateTime::currentDateTimeUtc());
        text << double(t.nsecsElapsed()) / 1e6;
        nodes = kube::rollout::summarize(root).nodes;
        Q_UNUSED(s);
    }
    std::sort(build.begin(), build.end());
    std::sort(text.begin(), text.end());
    out << QStringLiteral(
               "1. tree of %1 pods (%2 nodes): parse pods %3 ms; buildObjectTree min "
               "%4 / median %5 / max %6 ms; text (veladesk tree) median %7 ms (%8 runs)\n")
               .arg(pods)
               .arg(nodes)
               .arg(parseMs, 0, 'f', 1)
               .arg(build.first(), 0, 'f', 1)
               .arg(build[build.size() / 2], 0, 'f', 1)
               .arg(build.last(), 0, 'f', 1)
               .arg(text[text.size() / 2], 0, 'f', 1)
               .arg(runs);
    out.flush();
}

void paneFigures(const Fixture& f, int pods)
{
    using K = NamespaceStore::Kind;
    NamespaceStore store;
    ObjectTreePane pane;
    pane.resize(1200, 800);
    pane.setStore(&store);
    pane.setApplication(kApp);
    pane.show();
    if (!QTest::qWaitForWindowExposed(&pane))
        out << "pane not exposed\n";
    for (auto it = f.objects.cbegin(); it != f.objects.cend(); ++it)
        store.resetKind(it.key(), it.value());
    store.flushChanges();
    spin([&] { return pane.model()->rowCount() == 1; }, 5000);
    pane.view()->expandAll();
    const long rssBefore = rssKiB();

    // 2. The list of pods.
    StallMeter meter;
    meter.start();
    QElapsedTimer t;
    t.start();
    QTimer::singleShot(20, &store, [&] { store.resetKind(K::Pods, f.pods); });
    int shown = 0;
    spin(
        [&] {
            if (pane.model()->pendingPodEvents() > 0 || t.elapsed() < 25)
                return false;
            shown = countPods(*pane.model());
            return shown == pods;
        },
        60000);
    const qint64 listed = t.elapsed() - 20;
    pane.view()->expandAll();
    spin([] { return false; }, 200); // lay out and paint the expanded rows
    meter.stop();
    meter.report(
        QStringLiteral("2. Objects pane (shown, expanded): list of %1 pods until every "
                       "pod is a row: %2 ms; %3 rebuilds, last build %4 ms (worker) + merge "
                       "%5 ms (GUI thread, longest slice %6 ms); RSS +%7 MiB")
            .arg(pods)
            .arg(listed)
            .arg(pane.model()->buildCount())
            .arg(pane.model()->lastBuildMs(), 0, 'f', 1)
            .arg(pane.model()->lastMergeMs(), 0, 'f', 1)
            .arg(pane.model()->lastMergeSliceMs(), 0, 'f', 1)
            .arg(double(rssKiB() - rssBefore) / 1024.0, 0, 'f', 1),
        t.elapsed());

    // 3. N watch events: readiness flips, 50 per batch, one batch a millisecond.
    auto churn = [&](const QString& what) {
        const int buildsBefore = pane.model()->buildCount();
        int sent = 0;
        QTimer feeder;
        feeder.setInterval(1);
        QObject::connect(&feeder, &QTimer::timeout, &store, [&] {
            QList<kube::WatchEvent> batch;
            for (int k = 0; k < 50 && sent < pods; ++k, ++sent) {
                const int i = (sent * 7919) % pods;
                batch << kube::WatchEvent{kube::WatchEvent::Type::Modified,
                                          makePod(i, sent % 2 == 1, 2 + sent)};
            }
            store.applyEvents(K::Pods, batch);
            if (sent >= pods)
                feeder.stop();
        });
        const QString lastName = QStringLiteral("web-v%1-5d8f-%2")
                                     .arg(((pods - 1) * 7919 % pods) % 2 + 1)
                                     .arg((pods - 1) * 7919 % pods, 5, 10, QLatin1Char('0'));
        const QString lastRv = QString::number(2 + pods - 1);
        StallMeter m;
        m.start();
        QElapsedTimer e;
        e.start();
        feeder.start();
        spin(
            [&] {
                if (sent < pods || pane.model()->pendingPodEvents() > 0)
                    return false;
                const QModelIndex i = pane.model()->find(QStringLiteral("Pod"), lastName);
                return i.isValid() &&
                       i.data(ObjectTreeModel::ResourceVersionRole).toString() == lastRv;
            },
            60000);
        const qint64 done = e.elapsed();
        spin([] { return false; }, 100);
        m.stop();
        m.report(
            QStringLiteral("%1: %2 pod events in batches of 50 every ms until the tree shows "
                           "the last: %3 ms; %4 rebuilds, last build %5 ms (worker) + merge %6 ms "
                           "(GUI thread, longest slice %7 ms)")
                .arg(what)
                .arg(pods)
                .arg(done)
                .arg(pane.model()->buildCount() - buildsBefore)
                .arg(pane.model()->lastBuildMs(), 0, 'f', 1)
                .arg(pane.model()->lastMergeMs(), 0, 'f', 1)
                .arg(pane.model()->lastMergeSliceMs(), 0, 'f', 1),
            e.elapsed());
    };
    churn(QStringLiteral("3. Objects pane, watch churn"));

    // 4. The same with a search typed (recursive filtering over every row).
    pane.searchField()->setText(QStringLiteral("pod/web-v2-5d8f-0"));
    spin([] { return false; }, 300);
    churn(QStringLiteral("4. Objects pane filtered (\"pod/web-v2-5d8f-0\"), watch churn"));
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    int pods = 10000, runs = 20;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--pods"))
            pods = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--runs"))
            runs = args[i + 1].toInt();
    }
    if (pods < 2 || runs < 1) {
        out << "usage: bench_objecttree [--pods N>=2] [--runs R>=1]\n";
        return 2;
    }
    out << QStringLiteral("bench_objecttree: %1 pods, platform %2\n")
               .arg(pods)
               .arg(QGuiApplication::platformName());
    const Fixture f = makeNamespace(pods);
    buildFigures(f, pods, runs);
    paneFigures(f, pods);
    return 0;
}
