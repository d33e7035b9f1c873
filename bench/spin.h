#pragma once
// Shared by the benchmarks: runs the event loop until a condition holds.

#include <QElapsedTimer>
#include <QEventLoop>
#include <QObject>
#include <QTimer>

namespace veladesk::bench {

// Runs the event loop until done() or the timeout; returns done(). (QTest::qWait sleeps
// 10 ms between event processing, which would itself look like stalls.)
template <typename Pred> bool spin(Pred done, int timeoutMs)
{
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(1);
    QElapsedTimer t;
    t.start();
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || t.elapsed() > timeoutMs)
            loop.quit();
    });
    poll.start();
    if (!done())
        loop.exec();
    return done();
}

} // namespace veladesk::bench
