#include "kube/names.h"

#include <QRegularExpression>

namespace kube {

namespace {

const QString kLabelRule = QStringLiteral(
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and "
    "must start and end with an alphanumeric character, at most 63 characters "
    "(regex '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
const QString kSubdomainRule = QStringLiteral(
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or "
    "'.', and must start and end with an alphanumeric character, at most 253 characters "
    "(regex '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
const QString kDns1035Rule = QStringLiteral(
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an "
    "alphabetic character, and end with an alphanumeric character, at most 63 characters "
    "(regex '[a-z]([-a-z0-9]*[a-z0-9])?')");

bool matches(const QRegularExpression& re, const QString& s)
{
    return re.match(s).hasMatch();
}

// Printable and short: a hostile name is shown, but never a megabyte of it.
QString shown(const QString& s)
{
    QString out;
    for (const QChar c : s.left(100))
        out += c.unicode() < 0x20 || c.unicode() == 0x7f ? QChar(0xfffd) : c;
    if (s.size() > 100)
        out += QStringLiteral("...");
    return out;
}

Status invalidName(const QString& what, const QString& name, const QString& rule)
{
    return Status::error(Status::Kind::Invalid,
                         ktr("kube", "invalid %1 \"%2\": %3").arg(what, shown(name), rule), {},
                         QStringLiteral("Invalid"));
}

} // namespace

bool isDns1123Label(const QString& s)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
    return !s.isEmpty() && s.size() <= 63 && matches(re, s);
}

bool isDns1123Subdomain(const QString& s)
{
    static const QRegularExpression re(
        QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"));
    return !s.isEmpty() && s.size() <= 253 && matches(re, s);
}

bool isDns1035Label(const QString& s)
{
    static const QRegularExpression re(QStringLiteral("^[a-z]([-a-z0-9]*[a-z0-9])?$"));
    return !s.isEmpty() && s.size() <= 63 && matches(re, s);
}

Status validateNamespace(const QString& ns)
{
    if (isDns1123Label(ns))
        return Status::success();
    return invalidName(QStringLiteral("namespace"), ns, kLabelRule);
}

Status validateObjectName(const ResourceType& type, const QString& name)
{
    const QString what =
        ktr("kube", "%1 name").arg(type.kind.isEmpty() ? type.resource : type.kind);
    if (name.isEmpty())
        return Status::error(Status::Kind::Invalid, ktr("kube", "%1 is empty").arg(what), {},
                             QStringLiteral("Invalid"));
    if (type.kind == QLatin1String("Namespace"))
        return isDns1123Label(name) ? Status::success() : invalidName(what, name, kLabelRule);
    if (type.kind == QLatin1String("Service"))
        return isDns1035Label(name) ? Status::success() : invalidName(what, name, kDns1035Rule);
    if (!type.kind.isEmpty() || !type.group.isEmpty())
        return isDns1123Subdomain(name) ? Status::success()
                                        : invalidName(what, name, kSubdomainRule);
    if (name == QLatin1String(".") || name == QLatin1String("..") ||
        name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('%')))
        return invalidName(what, name,
                           ktr("kube", "a name may not be '.' or '..' and may not contain "
                                       "'/' or '%'"));
    return Status::success();
}

bool isQualifiedName(const QString& key)
{
    static const QRegularExpression name(
        QStringLiteral("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$"));
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    const QString prefix = slash < 0 ? QString() : key.left(slash);
    const QString local = slash < 0 ? key : key.mid(slash + 1);
    if (slash >= 0 && !isDns1123Subdomain(prefix))
        return false;
    return !local.isEmpty() && local.size() <= 63 && matches(name, local);
}

bool isLabelValue(const QString& value)
{
    static const QRegularExpression re(
        QStringLiteral("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$"));
    return value.size() <= 63 && matches(re, value);
}

LabelSelector& LabelSelector::equals(const QString& key, const QString& value)
{
    m_equals.append({key, value});
    return *this;
}

Result<QString> LabelSelector::toString() const
{
    QStringList parts;
    for (const auto& [key, value] : m_equals) {
        if (!isQualifiedName(key))
            return Result<QString>::failure(invalidName(
                ktr("kube", "label key"), key,
                ktr("kube", "a label key is an optional DNS subdomain prefix and '/', then "
                            "at most 63 of [A-Za-z0-9_.-], alphanumeric at both ends")));
        if (!isLabelValue(value))
            return Result<QString>::failure(
                invalidName(ktr("kube", "value of label %1").arg(key), value,
                            ktr("kube", "a label value is empty or at most 63 of [A-Za-z0-9_.-], "
                                        "alphanumeric at both ends")));
        parts << key + QLatin1Char('=') + value;
    }
    return Result<QString>::success(parts.join(QLatin1Char(',')));
}

} // namespace kube
