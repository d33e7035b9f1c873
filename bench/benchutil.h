#pragma once
// What the GUI benchmarks share: the event loop run until a condition, and a meter of the GUI
// thread's stalls (a PreciseTimer heartbeat; every gap between two beats beyond its interval
// is a stall).

#include "bench/spin.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QList>
#include <QObject>
#include <QString>
#include <QTextStream>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <ctime>

namespace benchutil {

inline QTextStream out(stdout);

// Runs the event loop until done() or the timeout (bench/spin.h).
using veladesk::bench::spin;

// The GUI thread's CPU time so far (CLOCK_THREAD_CPUTIME_ID), in ms.
inline double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// The calling thread's time spent runnable but waiting for a core so far, in ms (the second
// field of /proc/thread-self/schedstat); -1 when the kernel does not say.
inline double threadRunqueueMs()
{
    QFile f(QStringLiteral("/proc/thread-self/schedstat"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = f.readAll().simplified().split(' ');
    bool ok = false;
    const double ns = fields.size() >= 2 ? fields.at(1).toDouble(&ok) : 0;
    return ok ? ns / 1e6 : -1;
}

// Each gap between two heartbeats in wall time, in the GUI thread's own CPU time, and in its
// time waiting for a core (runnable, not running); the rest of a wall gap the thread slept or
// was blocked. BENCH_STALL_TRACE=1 prints every gap over 16 ms on stderr with the wall-clock
// time it ended, to set beside `-v 6`'s request lines.
class StallMeter : public QObject
{
public:
    explicit StallMeter(int intervalMs = 2) : m_interval(intervalMs)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(intervalMs);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const double cpu = threadCpuMs();
            const double waited = threadRunqueueMs();
            if (m_last >= 0) {
                const double gap = double(now - m_last) / 1e6;
                m_gapsMs << gap;
                m_cpuGapsMs << cpu - m_lastCpu;
                m_waitGapsMs << waited - m_lastWaited;
                if (m_trace && gap > 16.0)
                    std::fprintf(stderr,
                                 "stall %s %.1f ms wall, %.1f ms GUI-thread CPU, %.1f ms waiting "
                                 "for a core\n",
                                 qPrintable(QDateTime::currentDateTimeUtc().toString(
                                     QStringLiteral("hh:mm:ss.zzz"))),
                                 gap, cpu - m_lastCpu, waited - m_lastWaited);
            }
            m_last = now;
            m_lastCpu = cpu;
            m_lastWaited = waited;
        });
    }
    void start()
    {
        m_gapsMs.clear();
        m_cpuGapsMs.clear();
        m_waitGapsMs.clear();
        m_last = -1;
        m_clock.start();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    const QList<double>& gapsMs() const { return m_gapsMs; }
    const QList<double>& cpuGapsMs() const { return m_cpuGapsMs; }
    const QList<double>& waitGapsMs() const { return m_waitGapsMs; }
    // The gap of the longest wall time: its wall, CPU and runqueue times.
    int longest() const
    {
        return m_gapsMs.isEmpty()
                   ? -1
                   : int(std::max_element(m_gapsMs.begin(), m_gapsMs.end()) - m_gapsMs.begin());
    }
    static double max(const QList<double>& g)
    {
        return g.isEmpty() ? 0.0 : *std::max_element(g.begin(), g.end());
    }
    static int over(const QList<double>& g, double ms)
    {
        return int(std::count_if(g.begin(), g.end(), [ms](double v) { return v > ms; }));
    }
    void report(const QString& what, qint64 elapsedMs)
    {
        QList<double> g = m_gapsMs;
        std::sort(g.begin(), g.end());
        auto pct = [&](double p) {
            return g.isEmpty() ? 0.0
                               : g[std::min<qsizetype>(g.size() - 1, qsizetype(p * g.size()))];
        };
        out << QStringLiteral(
                   "%1\n  elapsed %2 ms, heartbeats %3 (every %4 ms)\n"
                   "  gap p50 %5 ms, p99 %6 ms, max %7 ms; gaps > 16.7 ms: %8, > 50 ms: %9\n")
                   .arg(what)
                   .arg(elapsedMs)
                   .arg(g.size())
                   .arg(m_interval)
                   .arg(pct(0.5), 0, 'f', 2)
                   .arg(pct(0.99), 0, 'f', 2)
                   .arg(max(g), 0, 'f', 2)
                   .arg(over(g, 16.7))
                   .arg(over(g, 50.0));
        out.flush();
    }

private:
    int m_interval;
    QTimer m_timer;
    QElapsedTimer m_clock;
    const bool m_trace = qEnvironmentVariableIntValue("BENCH_STALL_TRACE") != 0;
    qint64 m_last = -1;
    double m_lastCpu = 0;
    double m_lastWaited = 0;
    QList<double> m_gapsMs;
    QList<double> m_cpuGapsMs;
    QList<double> m_waitGapsMs;
};

} // namespace benchutil
