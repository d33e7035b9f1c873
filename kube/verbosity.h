#pragma once
// kubectl-style request tracing (`veladesk -v N`): at level 6 and above every HTTP round trip
// is printed to stderr as klog does (`I1202 15:04:05.123456   4242 round_trippers.go] GET
// https://... 200 OK in 5 milliseconds`); at 7 also the request headers, the Authorization
// header masked; at 8 the request and response bodies (cut at 10 KiB), at 9 uncut. Bodies are
// redacted first (redactBody): Secret data, tokens, passwords, keys and certificates never
// reach the output. The level is process-wide; 0 (the default) prints nothing.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace kube {

void setVerbosity(int level);
int verbosity();

// Where the trace goes (stderr by default; tests may capture it). Thread-safe.
using TraceSink = void (*)(const QByteArray& line);
void setTraceSink(TraceSink sink);

// One klog-formatted line ("I1202 15:04:05.123456    4242 <source>] <message>\n") written to
// the sink when level <= verbosity().
void trace(int level, const char* source, const QString& message);

// A JSON body with every secret value replaced by "REDACTED": the values of data and
// stringData of Secrets (and of any object when `path` is a secrets path), the
// last-applied-configuration annotation of a Secret, and scalar fields whose names end with
// token, password, passwd, secret, key, key-data, certificate, certificate-data, credentials
// or private-key (case-insensitive), in any object of the body (Lists and watch events too).
// A body that is not JSON is not shown: "(N bytes of <type>, not shown)".
QByteArray redactBody(const QString& path, const QByteArray& body,
                      const QByteArray& contentType = {});

struct RoundTrip
{
    QByteArray method;
    QByteArray url;
    QList<QByteArray> requestHeaders; // "Name: value"
    QByteArray requestBody;
    QString path; // the API path (for redaction)
    int httpCode = 0;
    QString error; // transport error, empty when the server answered
    qint64 milliseconds = 0;
    QByteArray responseBody;
    QByteArray responseContentType;
    bool streaming = false; // the body is a stream (watch, logs): not printed
};

// Prints a round trip at the levels above; does nothing below 6.
void traceRoundTrip(const RoundTrip& trip);

// "200 OK", "404 Not Found", ...
QString httpStatusText(int code);

} // namespace kube
