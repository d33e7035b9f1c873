// `veladesk tree APP`: the application's object tree with health, as the Objects pane shows it
// (the same kube::rollout::buildObjectTree), from one-shot lists of the namespace. Exit status:
// 0 when nothing is unhealthy (Degraded, Missing, Unknown), 1 when something is, 2 on an error
// (as `diff`), so that a pipeline can gate on it.

#include "app/cli.h"
#include "app/cli_help.h"

#include "kube/client.h"
#include "kube/rollout/objecttree.h"
#include "kube/yamljson.h"

#include <QDateTime>
#include <QJsonDocument>

namespace veladesk::cli {

namespace {
constexpr int exitTreeUnhealthy = 1;
constexpr int exitTreeError = 2;
} // namespace

int runTree(const Options& o)
{
    if (o.positional.size() != 1) {
        printError(cli::Cli::tr("usage: veladesk tree APP [-n NAMESPACE] [-o json|yaml]"));
        return exitUsage;
    }
    const QString app = o.positional.first();
    auto client = connectOrFail(o);
    if (!client)
        return exitTreeError;
    const QString ns = o.namespaceName.isEmpty() ? client->defaultNamespace() : o.namespaceName;
    kube::Result<kube::rollout::InspectedNamespace> read =
        kube::rollout::readInspectedNamespace(*client, ns);
    if (!read.ok()) {
        printError(QStringLiteral("tree: ") + read.status.toString());
        return exitTreeError;
    }
    if (!kube::rollout::applicationExists(app, read.value.objects)) {
        printError(cli::Cli::tr("tree: application %1 not found in namespace %2 (no Application "
                                "and no ApplicationRevision of that name)")
                       .arg(app, ns));
        return exitTreeError;
    }
    kube::rollout::TreeOptions options;
    options.namespaceName = ns;
    const kube::rollout::TreeNode root =
        kube::rollout::buildObjectTree(app, read.value.objects, read.value.pods, options);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (o.output == QLatin1String("json"))
        printOut(QString::fromUtf8(QJsonDocument(kube::rollout::treeToJson(root, options, now))
                                       .toJson(QJsonDocument::Indented)));
    else if (o.output == QLatin1String("yaml"))
        printOut(QString::fromUtf8(kube::toYaml(kube::rollout::treeToJson(root, options, now))));
    else
        printOut(kube::rollout::treeToText(root, now));
    return kube::rollout::summarize(root).healthy() ? exitOk : exitTreeUnhealthy;
}

} // namespace veladesk::cli
