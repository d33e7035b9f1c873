#include "kube/verbosity.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <unistd.h>

namespace kube {

namespace {

std::atomic<int> g_level{0};
std::atomic<TraceSink> g_sink{nullptr};
std::mutex g_writeMutex;

// Bodies printed at level 8 are cut here (kubectl cuts them too); level 9 prints them whole.
constexpr qsizetype kBodyLimitAtLevel8 = 10 * 1024;

const QString kRedacted = QStringLiteral("REDACTED");

bool isSecretFieldName(const QString& name)
{
    static const char* const suffixes[] = {
        "token",           "password",   "passwd",      "secret",           "key",
        "keydata",         "key-data",   "certificate", "certificate-data", "credentials",
        "certificatedata", "privatekey", "private-key", "client-key-data"};
    const QString lower = name.toLower();
    for (const char* s : suffixes)
        if (lower.endsWith(QLatin1String(s)))
            return true;
    return false;
}

QJsonValue redactValue(const QJsonValue& v, bool secretsPath);

QJsonObject redactAllValues(const QJsonObject& o)
{
    QJsonObject out;
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), kRedacted);
    return out;
}

QJsonObject redactObject(const QJsonObject& o, bool secretsPath)
{
    const bool isSecret = o.value(QStringLiteral("kind")).toString() == QLatin1String("Secret");
    QJsonObject out;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString& key = it.key();
        const QJsonValue& value = it.value();
        if ((isSecret || secretsPath) &&
            (key == QLatin1String("data") || key == QLatin1String("stringData")) &&
            value.isObject()) {
            out.insert(key, redactAllValues(value.toObject()));
        } else if (isSecret && key == QLatin1String("metadata") && value.isObject()) {
            QJsonObject meta = redactObject(value.toObject(), secretsPath);
            QJsonObject annotations = meta.value(QStringLiteral("annotations")).toObject();
            const QString lastApplied =
                QStringLiteral("kubectl.kubernetes.io/last-applied-configuration");
            if (annotations.contains(lastApplied)) {
                annotations.insert(lastApplied, kRedacted);
                meta.insert(QStringLiteral("annotations"), annotations);
            }
            out.insert(key, meta);
        } else if ((value.isString() || value.isDouble() || value.isBool()) &&
                   isSecretFieldName(key)) {
            out.insert(key, kRedacted);
        } else {
            out.insert(key, redactValue(value, secretsPath));
        }
    }
    return out;
}

QJsonValue redactValue(const QJsonValue& v, bool secretsPath)
{
    if (v.isObject())
        return redactObject(v.toObject(), secretsPath);
    if (v.isArray()) {
        QJsonArray out;
        for (const QJsonValue& e : v.toArray())
            out.append(redactValue(e, secretsPath));
        return out;
    }
    return v;
}

// The user:password@ of a URL, if a kubeconfig's server ever holds one.
QByteArray withoutUserInfo(const QByteArray& url)
{
    static const QRegularExpression userInfo(
        QStringLiteral("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@"));
    QString s = QString::fromUtf8(url);
    s.replace(userInfo, QStringLiteral("\\1REDACTED@"));
    return s.toUtf8();
}

void writeLine(const QByteArray& line)
{
    if (TraceSink sink = g_sink.load()) {
        sink(line);
        return;
    }
    std::lock_guard lock(g_writeMutex);
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

QString bodyText(const QString& path, const QByteArray& body, const QByteArray& contentType)
{
    QByteArray shown = redactBody(path, body, contentType);
    if (verbosity() < 9 && shown.size() > kBodyLimitAtLevel8) {
        const qsizetype total = shown.size();
        shown.truncate(kBodyLimitAtLevel8);
        // Not inside a UTF-8 sequence.
        while (!shown.isEmpty() && (quint8(shown.back()) & 0xC0) == 0x80)
            shown.chop(1);
        if (!shown.isEmpty() && quint8(shown.back()) >= 0xC0)
            shown.chop(1);
        return QString::fromUtf8(shown) +
               QStringLiteral(" [truncated %1 bytes of %2; -v=9 prints all]")
                   .arg(total - shown.size())
                   .arg(total);
    }
    return QString::fromUtf8(shown);
}

} // namespace

void setVerbosity(int level)
{
    g_level = level;
}

int verbosity()
{
    return g_level.load();
}

void setTraceSink(TraceSink sink)
{
    g_sink = sink;
}

void trace(int level, const char* source, const QString& message)
{
    if (level > verbosity())
        return;
    // klog's header: Lmmdd hh:mm:ss.uuuuuu threadid file:line] msg
    const auto now = std::chrono::system_clock::now();
    const auto micros =
        std::chrono::duration_cast<std::chrono::microseconds>(now.time_since_epoch()).count();
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(micros / 1000);
    const QString header = QStringLiteral("I%1.%2 %3 %4] ")
                               .arg(local.toString(QStringLiteral("MMdd hh:mm:ss")))
                               .arg(micros % 1000000, 6, 10, QLatin1Char('0'))
                               .arg(qint64(::getpid()), 7)
                               .arg(QLatin1String(source));
    writeLine((header + message + QLatin1Char('\n')).toUtf8());
}

QByteArray redactBody(const QString& path, const QByteArray& body, const QByteArray& contentType)
{
    if (body.isEmpty())
        return {};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || doc.isNull()) {
        const QByteArray type = contentType.isEmpty() ? QByteArray("a body that is not JSON")
                                                      : contentType.split(';').first().trimmed();
        return "(" + QByteArray::number(body.size()) + " bytes of " + type + ", not shown)";
    }
    static const QRegularExpression secrets(QStringLiteral("/secrets(/|$)"));
    const bool secretsPath = secrets.match(path).hasMatch();
    if (doc.isArray())
        return QJsonDocument(redactValue(doc.array(), secretsPath).toArray())
            .toJson(QJsonDocument::Compact);
    return QJsonDocument(redactObject(doc.object(), secretsPath)).toJson(QJsonDocument::Compact);
}

QString httpStatusText(int code)
{
    static const QList<QPair<int, const char*>> texts = {
        {200, "OK"},
        {201, "Created"},
        {202, "Accepted"},
        {204, "No Content"},
        {304, "Not Modified"},
        {400, "Bad Request"},
        {401, "Unauthorized"},
        {403, "Forbidden"},
        {404, "Not Found"},
        {405, "Method Not Allowed"},
        {406, "Not Acceptable"},
        {409, "Conflict"},
        {410, "Gone"},
        {413, "Request Entity Too Large"},
        {415, "Unsupported Media Type"},
        {422, "Unprocessable Entity"},
        {429, "Too Many Requests"},
        {500, "Internal Server Error"},
        {502, "Bad Gateway"},
        {503, "Service Unavailable"},
        {504, "Gateway Timeout"},
    };
    for (const auto& [c, text] : texts)
        if (c == code)
            return QStringLiteral("%1 %2").arg(code).arg(QLatin1String(text));
    return QString::number(code);
}

void traceRoundTrip(const RoundTrip& trip)
{
    if (verbosity() < 6)
        return;
    const char* source = "round_trippers.go";
    const QString url = QString::fromUtf8(withoutUserInfo(trip.url));
    const QString method = QString::fromLatin1(trip.method);
    if (verbosity() >= 7) {
        trace(7, source, QStringLiteral("%1 %2").arg(method, url));
        trace(7, source, QStringLiteral("Request Headers:"));
        for (const QByteArray& h : trip.requestHeaders) {
            const QString name = QString::fromLatin1(h.left(h.indexOf(':')));
            if (name.compare(QLatin1String("Authorization"), Qt::CaseInsensitive) == 0) {
                const QByteArray scheme = h.mid(h.indexOf(':') + 1).trimmed().split(' ').first();
                trace(7, source,
                      QStringLiteral("    %1: %2 <masked>").arg(name, QString::fromLatin1(scheme)));
            } else {
                trace(7, source, QStringLiteral("    ") + QString::fromLatin1(h));
            }
        }
    }
    if (verbosity() >= 8 && !trip.requestBody.isEmpty())
        trace(8, source,
              QStringLiteral("Request Body: ") + bodyText(trip.path, trip.requestBody, {}));
    const QString outcome = trip.error.isEmpty() ? httpStatusText(trip.httpCode) : trip.error;
    trace(6, source,
          QStringLiteral("%1 %2 %3 in %4 milliseconds")
              .arg(method, url, outcome, QString::number(trip.milliseconds)));
    if (verbosity() >= 8) {
        if (trip.streaming)
            trace(8, source, QStringLiteral("Response Body: (a stream, not shown)"));
        else if (!trip.responseBody.isEmpty())
            trace(8, source,
                  QStringLiteral("Response Body: ") +
                      bodyText(trip.path, trip.responseBody, trip.responseContentType));
    }
}

} // namespace kube
