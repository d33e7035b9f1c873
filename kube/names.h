#pragma once
// Object names, namespaces and label selectors as Kubernetes validates them. Every name and
// namespace is checked before it goes into a request path (and percent-encoded there), so
// that "../x", "a/b" or "x?watch=1" never address anything but an invalid object; label
// selectors are built from parts, each validated, never concatenated from user text.

#include "kube/resource.h"
#include "kube/status.h"

#include <QList>
#include <QPair>
#include <QString>

namespace kube {

// RFC 1123 label: at most 63 of [a-z0-9-], starting and ending alphanumeric (namespaces).
bool isDns1123Label(const QString& s);
// RFC 1123 subdomain: at most 253, dot-separated labels (most object names).
bool isDns1123Subdomain(const QString& s);
// RFC 1035 label: an RFC 1123 label that starts with a letter (Service names).
bool isDns1035Label(const QString& s);

// Ok, or Invalid naming the kind, the name and the rule, as the API server words it.
Status validateNamespace(const QString& ns);
// The rule of the object's kind: Namespace -> RFC 1123 label, Service -> RFC 1035 label, the
// other known kinds and custom resources -> RFC 1123 subdomain. Unknown kinds: a valid path
// segment (not "." or "..", no '/' or '%'), as the API server requires of any name.
Status validateObjectName(const ResourceType& type, const QString& name);

// A label selector of equality requirements ("k1=v1,k2=v2"), each key a qualified name
// ([prefix/]name) and each value a label value (at most 63 of [A-Za-z0-9_.-], alphanumeric at
// both ends, or empty).
class LabelSelector
{
public:
    LabelSelector& equals(const QString& key, const QString& value);
    // The selector text, or Invalid naming the first bad key or value.
    Result<QString> toString() const;

private:
    QList<QPair<QString, QString>> m_equals;
};

bool isQualifiedName(const QString& key);
bool isLabelValue(const QString& value);

} // namespace kube
