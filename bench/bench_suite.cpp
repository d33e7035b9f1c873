// The measuring parts of bench/run.sh (which starts the cluster, creates the data, alternates
// the rounds and prints the table). Each subcommand prints `key=value` lines on stdout that
// run.sh reads; nothing here decides pass or fail.
//
//   bench_suite measure [--quiet] -- CMD ARGS...
//       runs CMD (stdout to /dev/null with --quiet), prints wall_ms, cpu_ms (user+system of
//       the child), maxrss_kb.
//   bench_suite cold-start --exe VELADESK -- ARGS...
//       runs the real binary with VELADESK_STARTUP_TRACE=exit; prints window_ms (process
//       start to the first painted frame of the main window) and first_app_ms (to the first
//       application in the applications pane), both from the fork.
//   bench_suite create-pods --kubeconfig K -n NS --count N
//       creates NS and N pods in it (32 requests in flight), waits until all are listed.
//   bench_suite window-pods --kubeconfig K -n NS --expect N
//       opens the real MainWindow on NS and exits as soon as its pods pane (sorting proxy)
//       holds N rows and has painted; prints complete_ms (from main()), stall_max_ms,
//       stall_cpu_max_ms (the most GUI-thread CPU in one gap), stalls_over_16ms, rss_mb.
//       BENCH_STALL_TRACE=1: every gap over 16 ms on stderr (bench/benchutil.h).
//   bench_suite watch-pods --kubeconfig K -n NS --expect N [--samples S] [--events E]
//       [--delete]
//       opens the window, waits for the complete pane, then: rss_mb (listed and watched);
//       S sequential label changes, each timed from the request to the PodsModel's dataChanged
//       showing it (latency_p50_ms, latency_p99_ms); E label changes from another thread (32
//       in flight) with the GUI-thread stalls until the last one is in the model
//       (events_stall_max_ms); with --delete, deletes NS and reports the stalls until the pane
//       is empty (delete_stall_max_ms).
//   bench_suite window-apps --kubeconfig K -n NS --apps A --revisions R
//       opens the window on NS, selects the first application; exits when the applications
//       pane lists A applications with R revisions in all and the revisions pane holds the
//       selected one's; prints complete_ms (from main()).
//
// GUI-thread stalls: a 2 ms PreciseTimer heartbeat; a stall is a gap between two beats.

#include "bench/benchutil.h"
#include "bench/spin.h"
#include "kube/client.h"
#include "kube/verbosity.h"
#include "kube/watch.h"
#include "models/applicationsmodel.h"
#include "models/podsmodel.h"
#include "models/revisionsmodel.h"
#include "ui/mainwindow.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QMutex>
#include <QSemaphore>
#include <QStandardPaths>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <QTreeView>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <vector>

using namespace veladesk;

namespace {

QTextStream out(stdout);
QElapsedTimer processClock; // started first thing in main()

double monotonicMs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

void print(const char* key, double value)
{
    out << key << '=' << QString::number(value, 'f', 2) << '\n';
    out.flush();
}

using bench::spin;

template <typename T> T await(QFuture<T> f)
{
    spin([&] { return f.isFinished(); }, 300000);
    return f.result();
}

using benchutil::StallMeter;

// key=value lines of a meter's gaps: the longest in wall time, the most GUI-thread CPU time in
// one gap (what the window's own work costs, without the waits for a core that the wall gap
// includes), and how many gaps were over 16 ms.
void reportStalls(const StallMeter& meter, const QString& prefix)
{
    print(qPrintable(prefix + QStringLiteral("stall_max_ms")), StallMeter::max(meter.gapsMs()));
    print(qPrintable(prefix + QStringLiteral("stall_cpu_max_ms")),
          StallMeter::max(meter.cpuGapsMs()));
    print(qPrintable(prefix + QStringLiteral("stalls_over_16ms")),
          StallMeter::over(meter.gapsMs(), 16.0));
    // The longest gap, split: the GUI thread's CPU, its wait for a core, and the rest (asleep
    // or blocked).
    if (const int i = meter.longest(); i >= 0) {
        print(qPrintable(prefix + QStringLiteral("stall_longest_cpu_ms")), meter.cpuGapsMs().at(i));
        print(qPrintable(prefix + QStringLiteral("stall_longest_runqueue_ms")),
              meter.waitGapsMs().at(i));
    }
}

double statusFieldMb(const char* field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return -1;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

struct Args
{
    QString kubeconfig, ns, exe;
    int count = 0, expect = 0, samples = 200, events = 20000, apps = 0, revisions = 0;
    bool remove = false;
};

Args parseArgs(const QStringList& a)
{
    Args r;
    for (int i = 2; i < a.size(); ++i) {
        auto next = [&] { return i + 1 < a.size() ? a[++i] : QString(); };
        const QString& k = a[i];
        if (k == QLatin1String("--kubeconfig"))
            r.kubeconfig = next();
        else if (k == QLatin1String("-n"))
            r.ns = next();
        else if (k == QLatin1String("--count"))
            r.count = next().toInt();
        else if (k == QLatin1String("--expect"))
            r.expect = next().toInt();
        else if (k == QLatin1String("--samples"))
            r.samples = next().toInt();
        else if (k == QLatin1String("--events"))
            r.events = next().toInt();
        else if (k == QLatin1String("--apps"))
            r.apps = next().toInt();
        else if (k == QLatin1String("--revisions"))
            r.revisions = next().toInt();
        else if (k == QLatin1String("--delete"))
            r.remove = true;
    }
    return r;
}

std::shared_ptr<kube::Client> connectOrDie(const QString& kubeconfig)
{
    kube::KubeConfigOptions options;
    options.kubeconfigPath = kubeconfig;
    auto c = kube::connect(options);
    if (!c.ok()) {
        out << "error=cannot connect: " << c.status.toString() << '\n';
        out.flush();
        ::_exit(1);
    }
    return c.value;
}

// ---- measure / cold-start: fork + exec, rusage of the child ----

int runChild(const std::vector<std::string>& argv, bool quiet, int stderrPipe, rusage* usage)
{
    const pid_t pid = fork();
    if (pid == 0) {
        if (quiet) {
            const int fd = ::open("/dev/null", O_WRONLY);
            ::dup2(fd, 1);
        }
        if (stderrPipe >= 0)
            ::dup2(stderrPipe, 2);
        std::vector<char*> args;
        for (const std::string& s : argv)
            args.push_back(const_cast<char*>(s.c_str()));
        args.push_back(nullptr);
        ::execvp(args[0], args.data());
        ::_exit(127);
    }
    int status = 0;
    ::wait4(pid, &status, 0, usage);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

int measure(int argc, char** argv)
{
    bool quiet = false;
    int i = 2;
    for (; i < argc && std::string(argv[i]) != "--"; ++i)
        if (std::string(argv[i]) == "--quiet")
            quiet = true;
    std::vector<std::string> cmd(argv + i + 1, argv + argc);
    rusage u{};
    const double t0 = monotonicMs();
    const int rc = runChild(cmd, quiet, -1, &u);
    const double wall = monotonicMs() - t0;
    const double cpu = double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 +
                       double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
    std::printf("wall_ms=%.2f\ncpu_ms=%.2f\nmaxrss_kb=%ld\nexit=%d\n", wall, cpu, u.ru_maxrss, rc);
    return 0;
}

int coldStart(int argc, char** argv)
{
    std::string exe;
    int i = 2;
    for (; i < argc && std::string(argv[i]) != "--"; ++i)
        if (std::string(argv[i]) == "--exe" && i + 1 < argc)
            exe = argv[++i];
    std::vector<std::string> cmd{exe};
    cmd.insert(cmd.end(), argv + std::min(i + 1, argc), argv + argc);
    int fds[2];
    if (::pipe(fds) != 0)
        return 1;
    ::setenv("VELADESK_STARTUP_TRACE", "exit", 1);
    const double t0 = monotonicMs();
    const pid_t pid = fork();
    if (pid == 0) {
        ::close(fds[0]);
        ::dup2(fds[1], 2);
        std::vector<char*> args;
        for (const std::string& s : cmd)
            args.push_back(const_cast<char*>(s.c_str()));
        args.push_back(nullptr);
        ::execvp(args[0], args.data());
        ::_exit(127);
    }
    ::close(fds[1]);
    std::string err;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(fds[0], buf, sizeof buf)) > 0)
        err.append(buf, size_t(n));
    int status = 0;
    ::waitpid(pid, &status, 0);
    // the binary writes "veladesk-trace EVENT MONOTONIC_MS" lines
    double window = -1, firstApp = -1;
    for (const QByteArray& line : QByteArray::fromStdString(err).split('\n')) {
        const QList<QByteArray> f = line.split(' ');
        if (f.size() != 3 || f[0] != "veladesk-trace")
            continue;
        if (f[1] == "window-painted")
            window = f[2].toDouble() - t0;
        else if (f[1] == "first-application")
            firstApp = f[2].toDouble() - t0;
    }
    if (window < 0)
        std::fprintf(stderr, "cold-start: no trace from %s:\n%s\n", exe.c_str(), err.c_str());
    std::printf("window_ms=%.2f\nfirst_app_ms=%.2f\n", window, firstApp);
    return window < 0 ? 1 : 0;
}

// ---- cluster data ----

QJsonObject benchPod(int i)
{
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Pod")},
        {QStringLiteral("metadata"),
         QJsonObject{
             {QStringLiteral("name"), QStringLiteral("bench-%1").arg(i, 5, 10, QLatin1Char('0'))},
             {QStringLiteral("labels"),
              QJsonObject{{QStringLiteral("app.oam.dev/appRevision"), QStringLiteral("bench-v1")},
                          {QStringLiteral("app.oam.dev/component"), QStringLiteral("c")}}}}},
        {QStringLiteral("spec"),
         QJsonObject{
             {QStringLiteral("containers"),
              QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("c")},
                                     {QStringLiteral("image"), QStringLiteral("nginx")}}}}}}};
}

int createPods(const Args& a)
{
    auto client = connectOrDie(a.kubeconfig);
    await(client->create(
        kube::ResourceType::namespaces(), {},
        QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                    {QStringLiteral("kind"), QStringLiteral("Namespace")},
                    {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), a.ns}}}}));
    QElapsedTimer t;
    t.start();
    int failures = 0;
    QString firstError;
    for (int i = 0; i < a.count;) {
        QList<QFuture<kube::Result<QJsonObject>>> wave;
        for (int k = 0; k < 32 && i < a.count; ++k, ++i)
            wave << client->create(kube::ResourceType::pods(), a.ns, benchPod(i));
        for (auto& f : wave) {
            const auto r = await(f);
            if (!r.ok() && r.status.httpCode != 409) {
                ++failures;
                if (firstError.isEmpty())
                    firstError = r.status.toString();
            }
        }
    }
    print("create_ms", double(t.elapsed()));
    print("create_failures", failures);
    if (!firstError.isEmpty())
        out << "first_error=" << firstError << '\n';
    return failures == 0 ? 0 : 1;
}

// ---- the window ----

std::unique_ptr<MainWindow> openWindow(const Args& a)
{
    kube::KubeConfigOptions options;
    options.kubeconfigPath = a.kubeconfig;
    options.namespaceName = a.ns;
    auto w = std::make_unique<MainWindow>(options);
    w->resize(1280, 800);
    w->show();
    return w;
}

bool podsPaneComplete(MainWindow& w, int expect)
{
    return w.podsModel()->rowCount() >= expect && w.podsView()->model()->rowCount() >= expect;
}

// Stalls are counted from the window's first frame (the time to it is the cold start's row).
void firstFrame()
{
    QApplication::processEvents();
}

int windowPods(const Args& a)
{
    StallMeter meter;
    auto w = openWindow(a);
    firstFrame();
    meter.start();
    const bool ok = spin([&] { return podsPaneComplete(*w, a.expect); }, 300000);
    w->podsView()->viewport()->repaint(); // the complete pane on screen
    const double complete = double(processClock.nsecsElapsed()) / 1e6;
    meter.stop();
    print("complete_ms", complete);
    print("rows", w->podsView()->model()->rowCount());
    reportStalls(meter, QString());
    print("rss_mb", statusFieldMb("VmRSS:"));
    out.flush();
    ::_exit(ok ? 0 : 1); // the figure is taken; no teardown of 10,000 rows
}

int watchPods(const Args& a)
{
    auto w = openWindow(a);
    StallMeter meter;
    firstFrame();
    meter.start();
    if (!spin([&] { return podsPaneComplete(*w, a.expect); }, 300000)) {
        out << "error=pods pane incomplete: " << w->podsModel()->rowCount() << " rows\n";
        return 1;
    }
    meter.stop();
    reportStalls(meter, QStringLiteral("list_"));
    spin([] { return false; }, 2000); // watch established, ages ticking
    print("rss_mb", statusFieldMb("VmRSS:"));

    PodsModel* model = w->podsModel();
    const int rows = model->rowCount();
    std::vector<QString> names;
    for (int i = 0; i < rows; ++i)
        names.push_back(model->pod(i).name);

    // what the GUI thread waits to see: pod `name` with revision label `value`
    QMutex mutex;
    QString wantName, wantValue;
    double sentAt = 0;
    std::vector<double> latencies;
    QSemaphore seen;
    QObject::connect(model, &QAbstractItemModel::dataChanged, model,
                     [&](const QModelIndex& tl, const QModelIndex& br) {
                         QMutexLocker lock(&mutex);
                         if (wantName.isEmpty())
                             return;
                         for (int r = tl.row(); r <= br.row(); ++r) {
                             const PodRow& p = model->pod(r);
                             if (p.name == wantName && p.revision == wantValue) {
                                 latencies.push_back(monotonicMs() - sentAt);
                                 wantName.clear();
                                 seen.release();
                                 return;
                             }
                         }
                     });

    // BENCH_WRITER_NICE=N (run.sh --nice-cluster N): the writers' threads run at that nice
    // value, and so do their clients' transport threads (a thread inherits its creator's).
    auto niceWriter = [] {
        const int n = qEnvironmentVariableIntValue("BENCH_WRITER_NICE");
        if (n > 0)
            ::setpriority(PRIO_PROCESS, pid_t(::gettid()), n);
    };

    // A JSON merge patch: cheaper for the API server than an apply (no managed fields to
    // merge), so the burst is limited by the watch, not by the writes.
    auto mergeLabel = [&a](kube::Client& c, const QString& name, const QString& value) {
        kube::Request r;
        r.method = "PATCH";
        r.path = kube::ResourceType::pods().objectPath(a.ns, name);
        r.contentType = "application/merge-patch+json";
        r.body = QByteArrayLiteral(R"({"metadata":{"labels":{"app.oam.dev/appRevision":")") +
                 value.toUtf8() + QByteArrayLiteral(R"("}}})");
        r.object = QStringLiteral("Pod ") + name;
        return c.send(r);
    };

    // 1. latency: one change at a time, from a thread of its own (the GUI thread only watches)
    std::atomic<int> failures{0};
    QThread* sampler = QThread::create([&] {
        niceWriter();
        auto client = connectOrDie(a.kubeconfig);
        for (int k = 0; k < a.samples; ++k) {
            const QString name = names[size_t((k * 7919) % rows)];
            const QString value = QStringLiteral("lat-%1").arg(k);
            {
                QMutexLocker lock(&mutex);
                wantName = name;
                wantValue = value;
                sentAt = monotonicMs();
            }
            if (!mergeLabel(*client, name, value).result().status.ok())
                ++failures;
            if (!seen.tryAcquire(1, 10000)) {
                QMutexLocker lock(&mutex);
                wantName.clear();
                ++failures;
            }
        }
    });
    sampler->start();
    spin([&] { return sampler->isFinished(); }, 600000);
    delete sampler;
    print("latency_samples", double(latencies.size()));
    print("latency_p50_ms", percentile(latencies, 0.50));
    print("latency_p99_ms", percentile(latencies, 0.99));
    print("latency_max_ms", percentile(latencies, 1.0));

    // 2. a burst of watch events: every pod's label changed until `events` changes were made
    if (a.events > 0) {
        const QString lastValueWanted = QStringLiteral("burst-%1").arg(a.events - 1);
        QElapsedTimer t;
        meter.start();
        t.start();
        QThread* burst = QThread::create([&] {
            niceWriter();
            auto client = connectOrDie(a.kubeconfig);
            for (int k = 0; k < a.events;) {
                QList<QFuture<kube::Response>> wave;
                for (int j = 0; j < 64 && k < a.events; ++j, ++k)
                    wave << mergeLabel(*client, names[size_t(k % rows)],
                                       QStringLiteral("burst-%1").arg(k));
                for (auto& f : wave)
                    if (!f.result().status.ok())
                        ++failures;
            }
        });
        burst->start();
        const QString lastUid =
            model->pod(model->rowCount() > 0 ? int((a.events - 1) % rows) : 0).uid;
        spin(
            [&] {
                const int r = model->rowOf(lastUid);
                return burst->isFinished() && r >= 0 && model->pod(r).revision == lastValueWanted;
            },
            600000);
        const double elapsed = double(t.elapsed());
        meter.stop();
        delete burst;
        print("events", a.events);
        print("events_ms", elapsed);
        reportStalls(meter, QStringLiteral("events_"));
    }
    print("write_failures", failures.load());
    print("peak_rss_mb", statusFieldMb("VmHWM:"));

    // 3. the namespace deleted
    if (a.remove) {
        auto client = connectOrDie(a.kubeconfig);
        meter.start();
        QElapsedTimer t;
        t.start();
        await(client->remove(kube::ResourceType::namespaces(), {}, a.ns));
        spin([&] { return model->rowCount() == 0; }, 600000);
        meter.stop();
        print("delete_ms", double(t.elapsed()));
        print("delete_rows_left", model->rowCount());
        reportStalls(meter, QStringLiteral("delete_"));
    }
    out.flush();
    ::_exit(0);
}

int windowApps(const Args& a)
{
    auto w = openWindow(a);
    const QString first = QStringLiteral("bench-app-000");
    w->selectApplicationWhenLoaded(first);
    const int perApp = a.apps > 0 ? a.revisions / a.apps : 0;
    auto complete = [&] {
        ApplicationsModel* apps = w->applicationsModel();
        if (apps->rowCount() < a.apps)
            return false;
        int total = 0;
        for (int r = 0; r < apps->rowCount(); ++r)
            total += apps->index(r, ApplicationsModel::Revisions).data().toInt();
        return total >= a.revisions && w->selectedApplication() == first &&
               w->revisionsModel()->rowCount() >= perApp;
    };
    const bool ok = spin(complete, 120000);
    w->applicationsView()->viewport()->repaint();
    print("complete_ms", double(processClock.nsecsElapsed()) / 1e6);
    print("applications", w->applicationsModel()->rowCount());
    print("revisions_of_selected", w->revisionsModel()->rowCount());
    out.flush();
    ::_exit(ok ? 0 : 1);
}

} // namespace

int main(int argc, char** argv)
{
    processClock.start();
    const std::string cmd = argc > 1 ? argv[1] : "";
    if (cmd == "measure")
        return measure(argc, argv);
    if (cmd == "cold-start")
        return coldStart(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    // BENCH_VERBOSITY=6: every request with its time on stderr (`veladesk -v 6`), to see what
    // an outlier waited for.
    if (const int v = qEnvironmentVariableIntValue("BENCH_VERBOSITY"); v > 0)
        kube::setVerbosity(v);
    const Args a = parseArgs(app.arguments());
    if (cmd == "create-pods")
        return createPods(a);
    if (cmd == "window-pods")
        return windowPods(a);
    if (cmd == "watch-pods")
        return watchPods(a);
    if (cmd == "window-apps")
        return windowApps(a);
    std::fprintf(stderr, "usage: see the head of bench/bench_suite.cpp\n");
    return 2;
}
