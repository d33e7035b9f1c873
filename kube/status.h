#pragma once
// Errors are values: every cluster operation yields a Status, never throws across threads.

#include "kube/text.h"

#include <QString>
#include <QStringList>
#include <utility>

namespace kube {

struct Status
{
    enum class Kind
    {
        Ok,
        Http,      // the server answered with an error status (httpCode set)
        Transport, // connection, DNS, timeout, TLS handshake failure
        Tls,       // certificate verification failed
        Config,    // kubeconfig / credential problem (file, entry, what is wrong)
        Invalid,   // input rejected before anything was sent (bad YAML, bad plan)
        Cancelled,
    };

    Kind kind = Kind::Ok;
    int httpCode = 0;    // 0 when no HTTP answer was received
    QString reason;      // API server's reason (NotFound, Conflict, AlreadyExists, ...) or ours
    QString message;     // human readable, in the user's language; for Http the server's own
    QString english;     // `message` in English when it is a translation (kube::tx), else empty
    QString object;      // the object concerned, "kind/name" or "namespace/kind/name"
    QStringList details; // e.g. field errors of a 422, one per entry
    int retryAfterSeconds = 0;

    bool ok() const { return kind == Kind::Ok; }
    explicit operator bool() const { return ok(); }

    static Status success() { return {}; }
    static Status error(Kind kind, QString message, QString object = {}, QString reason = {})
    {
        Status s;
        s.kind = kind;
        s.message = std::move(message);
        s.object = std::move(object);
        s.reason = std::move(reason);
        return s;
    }
    // A translated message (kube::tx): `english` keeps the source for cluster objects.
    static Status error(Kind kind, const Text& message, QString object = {}, QString reason = {})
    {
        Status s = error(kind, message.shown, std::move(object), std::move(reason));
        if (message.english != message.shown)
            s.english = message.english;
        return s;
    }

    bool isNotFound() const { return httpCode == 404; }
    bool isConflict() const { return httpCode == 409; }
    bool isGone() const { return httpCode == 410; }

    // One line for users: "<object>: <message> (<reason>, HTTP <code>)". Never contains secrets.
    QString toString() const;
    // The same line in English, for what is written into a cluster object (a Ready condition).
    QString toEnglishString() const;
    // message and english as one Text (arg() of a larger message in both languages)
    Text text() const { return {message, english.isEmpty() ? message : english}; }
    void setMessage(const Text& t)
    {
        message = t.shown;
        english = t.shown != t.english ? t.english : QString();
    }
    // Appends to the message in both languages.
    void append(const Text& more)
    {
        if (!english.isEmpty())
            english += more.english;
        else if (more.shown != more.english)
            english = message + more.english;
        message += more.shown;
    }
};

template <typename T> struct Result
{
    Status status;
    T value{};

    bool ok() const { return status.ok(); }
    explicit operator bool() const { return ok(); }

    static Result success(T v)
    {
        Result r;
        r.value = std::move(v);
        return r;
    }
    static Result failure(Status s)
    {
        Result r;
        r.status = std::move(s);
        return r;
    }
};

} // namespace kube
