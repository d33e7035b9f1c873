// Fuzz target: Application + AppDeployment documents -> parse -> validate -> render, as
// `veladesk render` does (offline), then the rendered objects written as YAML.

#include "kube/rollout/offline.h"
#include "kube/yamljson.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray yaml(reinterpret_cast<const char*>(data), qsizetype(size));
    kube::Result<QList<QJsonObject>> docs = kube::parseYamlDocuments(yaml, QStringLiteral("fuzz"));
    if (!docs)
        return 0;
    QList<kube::rollout::SourceDocument> sources;
    for (const QJsonObject& o : docs.value)
        sources << kube::rollout::SourceDocument{QStringLiteral("fuzz"), o};
    kube::Result<kube::rollout::OfflineRender> r = kube::rollout::renderOffline(sources);
    if (!r)
        return 0;
    for (const kube::rollout::AppDeploymentPlan& plan : r.value.plans) {
        (void)kube::rollout::validate(plan, r.value.revisions);
        (void)plan.toJson();
        (void)plan.weightsByRevision();
    }
    if (r.value.ok())
        (void)kube::toYaml(r.value.objects);
    return 0;
}
