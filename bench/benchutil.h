#pragma once
// What the GUI benchmarks share: the event loop run until a condition, and a meter of the GUI
// thread's stalls (a PreciseTimer heartbeat; every gap between two beats beyond its interval
// is a stall).

#include "bench/spin.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QList>
#include <QObject>
#include <QString>
#include <QTextStream>
#include <QTimer>
#include <algorithm>

namespace benchutil {

inline QTextStream out(stdout);

// Runs the event loop until done() or the timeout (bench/spin.h).
using veladesk::bench::spin;

class StallMeter : public QObject
{
public:
    explicit StallMeter(int intervalMs = 2) : m_interval(intervalMs)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(intervalMs);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last >= 0)
                m_gapsMs << double(now - m_last) / 1e6;
            m_last = now;
        });
    }
    void start()
    {
        m_gapsMs.clear();
        m_last = -1;
        m_clock.start();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    void report(const QString& what, qint64 elapsedMs)
    {
        QList<double> g = m_gapsMs;
        std::sort(g.begin(), g.end());
        auto pct = [&](double p) {
            return g.isEmpty() ? 0.0
                               : g[std::min<qsizetype>(g.size() - 1, qsizetype(p * g.size()))];
        };
        const int over16 =
            int(std::count_if(g.begin(), g.end(), [](double v) { return v > 16.7; }));
        const int over50 =
            int(std::count_if(g.begin(), g.end(), [](double v) { return v > 50.0; }));
        out << QStringLiteral(
                   "%1\n  elapsed %2 ms, heartbeats %3 (every %4 ms)\n"
                   "  gap p50 %5 ms, p99 %6 ms, max %7 ms; gaps > 16.7 ms: %8, > 50 ms: %9\n")
                   .arg(what)
                   .arg(elapsedMs)
                   .arg(g.size())
                   .arg(m_interval)
                   .arg(pct(0.5), 0, 'f', 2)
                   .arg(pct(0.99), 0, 'f', 2)
                   .arg(g.isEmpty() ? 0.0 : g.last(), 0, 'f', 2)
                   .arg(over16)
                   .arg(over50);
        out.flush();
    }

private:
    int m_interval;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = -1;
    QList<double> m_gapsMs;
};

} // namespace benchutil
