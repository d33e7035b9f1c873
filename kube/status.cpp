#include "kube/status.h"

namespace kube {

namespace {

QString line(const Status& s, const QString& message, const QString& unknown)
{
    if (s.ok())
        return QStringLiteral("OK");
    QString out;
    if (!s.object.isEmpty())
        out += s.object + QStringLiteral(": ");
    out += message.isEmpty() ? unknown : message;
    QStringList tags;
    if (!s.reason.isEmpty())
        tags << s.reason;
    if (s.httpCode > 0)
        tags << QStringLiteral("HTTP %1").arg(s.httpCode);
    if (!tags.isEmpty())
        out += QStringLiteral(" (") + tags.join(QStringLiteral(", ")) + QLatin1Char(')');
    for (const QString& d : s.details)
        out += QStringLiteral("\n  - ") + d;
    return out;
}

} // namespace

QString Status::toString() const
{
    return line(*this, message, ktr("kube", "unknown error"));
}

QString Status::toEnglishString() const
{
    return line(*this, english.isEmpty() ? message : english, QStringLiteral("unknown error"));
}

} // namespace kube
