// Event-loop stalls of the GUI thread while large lists load.
//
// A 2 ms PreciseTimer heartbeat runs on the GUI thread; every gap between two beats beyond
// its interval is a stall. Figures are printed for:
//  1. offline: the pods pane (PodsModel + sorting proxy + visible QTreeView) receiving a
//     synced list of N pods, then M watch events arriving in batches of 50 every millisecond
//     (applied at most once per frame);
//  2. live (when VELADESK_BENCH_KUBECONFIG is set): N pods are created in a fresh namespace of
//     that cluster, then the real MainWindow is opened on it and the time until the pods pane
//     lists all of them is measured, with the stalls while the Client lists and the Watch
//     syncs; then the namespace is deleted and the stalls while the deletion events stream in.
//
// Offline, every gap is reported twice: its wall time (what a user sees, but on a loaded
// machine it includes the time the process waited for a core) and the GUI thread's own CPU
// time in it (the work done in one turn of the event loop: what a change can reduce, and
// what the figures mean on an idle machine). The events are built before the clock starts.
//
//   bench_gui_stalls [--pods N] [--events M] [--batch B] [--plain-proxy]
//     --batch B: events per millisecond (50: a busy watch; 1: what the live benchmark's watch
//                delivers, about 400 a second)
//     --plain-proxy: a plain QSortFilterProxyModel on PodsModel::SortRole instead of the
//                pane's PodsProxy (the sort through QVariant, for comparison)
// Exit code 0; the figures are the result (no pass/fail threshold).

#include "bench/spin.h"
#include "kube/client.h"
#include "kube/watch.h"
#include "models/clusterpods.h"
#include "models/clustersession.h"
#include "models/podsmodel.h"
#include "ui/mainwindow.h"
#include "ui/podsview.h"

#include "bench/benchutil.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHeaderView>
#include <QJsonArray>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTest>
#include <QTextStream>
#include <QTimer>
#include <QTreeView>
#include <algorithm>
#include <ctime>
#include <memory>

using namespace veladesk;

namespace {

using benchutil::out;
using benchutil::spin;
using benchutil::StallMeter;

// StallMeter's report, and the GUI thread's CPU time within each gap.
void reportWithCpu(StallMeter& meter, const QString& what, qint64 elapsedMs)
{
    meter.report(what, elapsedMs);
    QList<double> g = meter.cpuGapsMs();
    std::sort(g.begin(), g.end());
    out << QStringLiteral("  GUI-thread CPU per gap: p99 %1 ms, max %2 ms; > 10 ms: %3, "
                          "> 16.7 ms: %4\n")
               .arg(g.isEmpty() ? 0.0 : g[std::min<qsizetype>(g.size() - 1, g.size() * 99 / 100)],
                    0, 'f', 2)
               .arg(StallMeter::max(g), 0, 'f', 2)
               .arg(StallMeter::over(g, 10.0))
               .arg(StallMeter::over(g, 16.7));
    out.flush();
}

struct Options
{
    int batch = 50;
    bool plainProxy = false;
};

std::unique_ptr<QSortFilterProxyModel> makeProxy(const Options& o)
{
    if (o.plainProxy)
        return std::make_unique<QSortFilterProxyModel>();
    return std::make_unique<PodsProxy>();
}

QJsonObject makePod(int i, const QString& phase = QStringLiteral("Running"))
{
    const QString name = QStringLiteral("bench-%1").arg(i, 5, 10, QLatin1Char('0'));
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Pod")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), name},
                     {QStringLiteral("uid"), QStringLiteral("uid-%1").arg(i)},
                     {QStringLiteral("creationTimestamp"), QStringLiteral("2026-11-25T16:00:00Z")},
                     {QStringLiteral("labels"),
                      QJsonObject{{QStringLiteral("app.oam.dev/appRevision"),
                                   QStringLiteral("bench-v%1").arg(i % 3 + 1)}}}}},
        {QStringLiteral("spec"),
         QJsonObject{
             {QStringLiteral("nodeName"), QStringLiteral("kwok-node-%1").arg(i % 3)},
             {QStringLiteral("containers"),
              QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("c")},
                                     {QStringLiteral("image"), QStringLiteral("nginx")}}}}}},
        {QStringLiteral("status"),
         QJsonObject{
             {QStringLiteral("phase"), phase},
             {QStringLiteral("containerStatuses"),
              QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("c")},
                                     {QStringLiteral("ready"), phase == QLatin1String("Running")},
                                     {QStringLiteral("restartCount"), i % 4}}}}}}};
}

void offline(int pods, int events, const Options& o)
{
    // What the window shows: the PodsModel through a ClusterPodsModel and the pane's proxy.
    PodsModel model;
    ClusterPodsModel clusters(&model);
    const auto proxy = makeProxy(o);
    QTreeView view;
    setUpPodsView(&view, proxy.get(), &clusters);
    view.resize(1000, 600);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view))
        out << "offline: view not exposed\n";

    QList<QJsonObject> list;
    for (int i = 0; i < pods; ++i)
        list << makePod(i);

    StallMeter meter;
    meter.start();
    QElapsedTimer t;
    t.start();
    bool set = false;
    QTimer::singleShot(20, &model, [&] {
        model.setPods(list);
        set = true;
    });
    spin([&] { return set; }, 10000);
    const qint64 listed = t.elapsed() - 20;
    spin([] { return false; }, 100); // let the view lay out and paint
    const qint64 elapsedList = listed;
    meter.stop();
    reportWithCpu(
        meter,
        QStringLiteral(
            "offline: initial list of %1 pods into the pods pane (sorted view); setPods took "
            "%2 ms")
            .arg(pods)
            .arg(elapsedList),
        t.elapsed());

    // M events: modifications and deletions/re-additions spread over the rows, `batch` per
    // millisecond (50: a busy watch), built before the clock starts.
    QList<kube::WatchEvent> all;
    for (int sent = 0; sent < events; ++sent) {
        const int i = (sent * 7919) % pods;
        kube::WatchEvent e;
        switch (sent % 5) {
        case 0:
            e.type = kube::WatchEvent::Type::Deleted;
            break;
        case 1:
            e.type = kube::WatchEvent::Type::Added;
            break;
        default:
            e.type = kube::WatchEvent::Type::Modified;
            break;
        }
        e.object = makePod(i, sent % 2 ? QStringLiteral("Pending") : QStringLiteral("Running"));
        all << e;
    }
    qsizetype sent = 0;
    int batches = 0;
    QTimer feeder;
    feeder.setInterval(1);
    QObject::connect(&feeder, &QTimer::timeout, &model, [&] {
        model.enqueue(all.mid(sent, o.batch));
        sent += o.batch;
        ++batches;
        if (sent >= all.size())
            feeder.stop();
    });
    int applied = 0;
    QObject::connect(&model, &PodsModel::batchApplied, &model, [&] { ++applied; });
    meter.start();
    t.restart();
    feeder.start();
    spin([&] { return !feeder.isActive() && model.pendingEvents() == 0; }, 600000);
    const qint64 elapsed = t.elapsed();
    spin([] { return false; }, 50);
    meter.stop();
    reportWithCpu(
        meter,
        QStringLiteral("offline: %1 watch events in %2 batches of %3, applied in %4 frame updates "
                       "(%5 rows at the end)")
            .arg(events)
            .arg(batches)
            .arg(o.batch)
            .arg(applied)
            .arg(model.rowCount()),
        elapsed);
}

// All pods marked terminating, then deleted, `batch` events every millisecond: what a
// namespace deletion looks like through the watch.
void offlineDeletionStorm(int pods, const Options& o)
{
    // What the window shows: the PodsModel through a ClusterPodsModel and the pane's proxy.
    PodsModel model;
    ClusterPodsModel clusters(&model);
    const auto proxy = makeProxy(o);
    QTreeView view;
    setUpPodsView(&view, proxy.get(), &clusters);
    view.resize(1000, 600);
    view.show();
    QList<QJsonObject> list;
    for (int i = 0; i < pods; ++i)
        list << makePod(i);
    model.setPods(list);
    spin([] { return false; }, 50);
    QList<kube::WatchEvent> all;
    for (int i = 0; i < pods; ++i) {
        QJsonObject pod = makePod(i);
        QJsonObject meta = pod[QLatin1String("metadata")].toObject();
        meta[QStringLiteral("deletionTimestamp")] = QStringLiteral("2026-11-25T17:00:00Z");
        pod[QStringLiteral("metadata")] = meta;
        all << kube::WatchEvent{kube::WatchEvent::Type::Modified, pod};
    }
    for (int i = 0; i < pods; ++i)
        all << kube::WatchEvent{kube::WatchEvent::Type::Deleted, makePod((i * 7919) % pods)};
    qsizetype next = 0;
    QTimer feeder;
    feeder.setInterval(1);
    QObject::connect(&feeder, &QTimer::timeout, &model, [&] {
        model.enqueue(all.mid(next, o.batch));
        next += o.batch;
        if (next >= all.size())
            feeder.stop();
    });
    StallMeter meter;
    meter.start();
    QElapsedTimer t;
    t.start();
    feeder.start();
    spin([&] { return !feeder.isActive() && model.pendingEvents() == 0; }, 600000);
    const qint64 elapsed = t.elapsed();
    meter.stop();
    reportWithCpu(
        meter,
        QStringLiteral(
            "offline: deletion storm, %1 pods terminating then deleted (%2 events), %3 rows left")
            .arg(pods)
            .arg(all.size())
            .arg(model.rowCount()),
        elapsed);
}

template <typename T> T await(QFuture<T> f)
{
    spin([&] { return f.isFinished(); }, 120000);
    return f.result();
}

void live(const QString& kubeconfig, int pods)
{
    kube::KubeConfigOptions options;
    options.kubeconfigPath = kubeconfig;
    auto connected = kube::connect(options);
    if (!connected.ok()) {
        out << "live: cannot connect: " << connected.status.toString() << '\n';
        return;
    }
    auto client = connected.value;
    const QString ns = QStringLiteral("bench-%1").arg(QDateTime::currentSecsSinceEpoch());
    await(client->create(
        kube::ResourceType::namespaces(), {},
        QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                    {QStringLiteral("kind"), QStringLiteral("Namespace")},
                    {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), ns}}}}));
    QElapsedTimer t;
    t.start();
    // Create the pods 32 at a time (no scheduling constraints: kwok runs what fits).
    int failures = 0;
    for (int i = 0; i < pods;) {
        QList<QFuture<kube::Result<QJsonObject>>> wave;
        for (int k = 0; k < 32 && i < pods; ++k, ++i) {
            QJsonObject pod{
                {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                {QStringLiteral("kind"), QStringLiteral("Pod")},
                {QStringLiteral("metadata"),
                 QJsonObject{{QStringLiteral("name"), QStringLiteral("bench-%1").arg(i)},
                             {QStringLiteral("labels"),
                              QJsonObject{{QStringLiteral("app.oam.dev/appRevision"),
                                           QStringLiteral("bench-v1")}}}}},
                {QStringLiteral("spec"),
                 QJsonObject{{QStringLiteral("containers"),
                              QJsonArray{QJsonObject{
                                  {QStringLiteral("name"), QStringLiteral("c")},
                                  {QStringLiteral("image"), QStringLiteral("nginx")}}}}}}};
            wave << client->create(kube::ResourceType::pods(), ns, pod);
        }
        for (auto& f : wave)
            if (!await(f).ok())
                ++failures;
    }
    out << QStringLiteral("live: created %1 pods in namespace %2 in %3 ms (%4 failed)\n")
               .arg(pods)
               .arg(ns)
               .arg(t.elapsed())
               .arg(failures);

    kube::KubeConfigOptions windowOptions = options;
    windowOptions.namespaceName = ns;
    StallMeter meter;
    meter.start();
    t.restart();
    MainWindow window(windowOptions);
    window.resize(1280, 800);
    window.show();
    spin([&] { return window.podsModel()->rowCount() >= pods - failures; }, 120000);
    const qint64 loaded = t.elapsed();
    spin([] { return false; }, 100);
    meter.stop();
    meter.report(
        QStringLiteral(
            "live: MainWindow opened on %1 pods (connect, discovery, lists, pod watch sync); "
            "pods pane complete after %2 ms")
            .arg(window.podsModel()->rowCount())
            .arg(loaded),
        loaded);

    meter.start();
    t.restart();
    await(client->remove(kube::ResourceType::namespaces(), {}, ns));
    spin([&] { return window.podsModel()->rowCount() == 0; }, 120000);
    const qint64 drained = t.elapsed();
    meter.stop();
    meter.report(
        QStringLiteral(
            "live: namespace deleted, watch streams the deletions; pods pane has %1 rows after "
            "%2 ms")
            .arg(window.podsModel()->rowCount())
            .arg(drained),
        drained);
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    int pods = 5000, events = 20000, livePods = 1000;
    Options o;
    const QStringList args = app.arguments();
    o.plainProxy = args.contains(QLatin1String("--plain-proxy"));
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--pods"))
            pods = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--events"))
            events = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--live-pods"))
            livePods = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--batch"))
            o.batch = std::max(1, args[i + 1].toInt());
    }
    out << "bench_gui_stalls: GUI-thread heartbeat gaps (a stall is a gap well above the "
           "interval)\n";
    out << (o.plainProxy ? "proxy: QSortFilterProxyModel (--plain-proxy)\n"
                         : "proxy: PodsProxy (the pane's)\n");
    offline(pods, events, o);
    offlineDeletionStorm(pods, o);
    const QString kubeconfig = qEnvironmentVariable("VELADESK_BENCH_KUBECONFIG");
    if (kubeconfig.isEmpty())
        out << "live: skipped (set VELADESK_BENCH_KUBECONFIG to a test cluster's kubeconfig)\n";
    else
        live(kubeconfig, livePods);
    return 0;
}
