#pragma once
// Small accessors of Kubernetes object metadata for the models that read raw objects (pods).
// Domain parsing and naming (revisions, AppDeployments, Deployment and Service names, label
// keys) live in kube/rollout; the typed values the models show come from NamespaceStore.

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace veladesk {

QString kubeName(const QJsonObject& object);
QString objectUid(const QJsonObject& object);
QString labelValue(const QJsonObject& object, const char* key);
QDateTime creationTime(const QJsonObject& object);
// "45s", "12m", "3h", "5d" (kubectl's short style); "" for an invalid time.
QString formatAge(const QDateTime& since, const QDateTime& now);

} // namespace veladesk
