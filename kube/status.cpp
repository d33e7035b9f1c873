#include "kube/status.h"

namespace kube {

QString Status::toString() const
{
    if (ok())
        return QStringLiteral("OK");
    QString out;
    if (!object.isEmpty())
        out += object + QStringLiteral(": ");
    out += message.isEmpty() ? QStringLiteral("unknown error") : message;
    QStringList tags;
    if (!reason.isEmpty())
        tags << reason;
    if (httpCode > 0)
        tags << QStringLiteral("HTTP %1").arg(httpCode);
    if (!tags.isEmpty())
        out += QStringLiteral(" (") + tags.join(QStringLiteral(", ")) + QLatin1Char(')');
    for (const QString& d : details)
        out += QStringLiteral("\n  - ") + d;
    return out;
}

} // namespace kube
