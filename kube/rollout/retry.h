#pragma once
// Internal to kube/rollout: retrying reads and idempotent writes while the API server does not
// answer (restart, overload), with exponential backoff and jitter, until a deadline.

#include "kube/client.h"
#include "kube/status.h"

#include <QRandomGenerator>
#include <QString>
#include <QThread>
#include <chrono>
#include <functional>
#include <type_traits>

namespace kube::rollout::detail {

// Worth another attempt: no answer at all (connection refused or reset, timeout), or an answer
// that says "not now": 429, 500, 502, 503 (e.g. a starting API server that has not installed
// every path yet), 504. With `tlsHandshake`, also a TLS handshake cut short (what a client sees
// while an API server restarts behind a port that accepts and drops connections): callers set
// it once the server has answered them, so a server that never completes a handshake still
// fails at once.
// With `noAnswer` false, no answer at all is final too (an apply that never reached the server
// fails at once, as kubectl does, instead of retrying until --timeout).
inline bool isRetryable(const Status& s, bool tlsHandshake = false, bool noAnswer = true)
{
    if (s.kind == Status::Kind::Transport)
        return noAnswer;
    if (s.kind == Status::Kind::Tls)
        return tlsHandshake && s.reason == QLatin1String("TLSHandshakeFailed");
    if (s.kind != Status::Kind::Http)
        return false;
    return s.httpCode == 429 || s.httpCode == 500 || s.httpCode == 502 || s.httpCode == 503 ||
           s.httpCode == 504;
}

// 200 ms doubling per attempt up to 5 s, each drawn from [50 %, 100 %] of that (jitter, so
// that clients that failed together do not retry together).
inline std::chrono::milliseconds backoffDelay(int attempt)
{
    const qint64 cap = 5000;
    const qint64 base = std::min<qint64>(cap, qint64(200) << std::min(attempt, 10));
    return std::chrono::milliseconds(base / 2 + QRandomGenerator::global()->bounded(base / 2 + 1));
}

inline Status& statusOf(Status& s)
{
    return s;
}
inline Status& statusOf(Response& r)
{
    return r.status;
}
template <typename T> Status& statusOf(Result<T>& r)
{
    return r.status;
}

struct RetryPolicy
{
    std::chrono::steady_clock::time_point deadline;
    std::function<bool()> stop;                         // cancelled: give up at once
    std::function<void(const QString&)> onRetry;        // "<what>: <error>; retrying in N ms"
    QString deadlineName = QStringLiteral("--timeout"); // named in the message when given up
    bool retryTlsHandshake = false;                     // see isRetryable()
    bool retryNoAnswer = true;                          // see isRetryable()
};

// Calls `f` until it succeeds, fails with an error that is not retryable, `stop` says so, or
// the next attempt would start after the deadline. Returns the last answer; when retries ran
// out, its message says after how many attempts.
template <typename F> auto retry(const RetryPolicy& policy, const QString& what, F&& f)
{
    using R = std::invoke_result_t<F&>;
    for (int attempt = 0;; ++attempt) {
        R r = f();
        Status& st = statusOf(r);
        if (st.ok() || !isRetryable(st, policy.retryTlsHandshake, policy.retryNoAnswer) ||
            (policy.stop && policy.stop()))
            return r;
        const std::chrono::milliseconds delay = backoffDelay(attempt);
        if (std::chrono::steady_clock::now() + delay > policy.deadline) {
            if (attempt > 0)
                st.append(tx("kube::rollout", " (gave up after %1 attempts: %2 reached)")
                              .arg(attempt + 1)
                              .arg(policy.deadlineName));
            return r;
        }
        if (policy.onRetry)
            policy.onRetry(ktr("kube::rollout", "%1: %2; retrying in %3 ms (attempt %4)")
                               .arg(what, st.toString(), QString::number(delay.count()),
                                    QString::number(attempt + 2)));
        const auto until = std::chrono::steady_clock::now() + delay;
        while (std::chrono::steady_clock::now() < until) {
            if (policy.stop && policy.stop())
                return r;
            QThread::msleep(20);
        }
    }
}

} // namespace kube::rollout::detail
