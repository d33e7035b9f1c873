#pragma once
// Running the veladesk executable (and kubectl) from the integration tests: exit code, stdout,
// stderr, and a text to print when a check fails.

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace testrun {

struct Run
{
    int exitCode = -1; // -1: did not start, crashed or timed out
    QString out;
    QString err;
};

inline QString diagnostics(const Run& r)
{
    return QStringLiteral("exit %1\nstdout:\n%2\nstderr:\n%3").arg(r.exitCode).arg(r.out, r.err);
}

// Runs `program` to its end (killed after `timeoutMs`), `input` on its stdin.
inline Run runProcess(const QString& program, const QStringList& args, const QByteArray& input = {},
                      int timeoutMs = 300000)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return Run{-1, {}, QStringLiteral("cannot start ") + program};
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return Run{-1, {}, program + QStringLiteral(" timed out")};
    }
    return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
               QString::fromUtf8(p.readAllStandardOutput()),
               QString::fromUtf8(p.readAllStandardError())};
}

} // namespace testrun
