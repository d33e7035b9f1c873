// `veladesk version`: client and server versions, as kubectl version.

#include "app/cli.h"
#include "app/cli_help.h"

#include "kube/client.h"
#include "kube/yamljson.h"

#include <QJsonDocument>
#include <QSysInfo>
#include <QTextStream>

namespace veladesk::cli {

namespace {

// The API server's /version is asked with this bound; a slower server counts as unreachable.
constexpr int kVersionTimeoutMs = 5000;

QJsonObject clientVersion()
{
    const QString version = QStringLiteral(VELADESK_VERSION);
    const QStringList parts = version.split(QLatin1Char('.'));
    QString arch = QSysInfo::buildCpuArchitecture();
    if (arch == QLatin1String("x86_64"))
        arch = QStringLiteral("amd64");
    else if (arch == QLatin1String("arm64"))
        arch = QStringLiteral("arm64");
    return QJsonObject{
        {QStringLiteral("major"), parts.value(0)},
        {QStringLiteral("minor"), parts.value(1)},
        {QStringLiteral("gitVersion"), QStringLiteral("v") + version},
        {QStringLiteral("qtVersion"), QLatin1String(qVersion())},
        {QStringLiteral("platform"), QSysInfo::kernelType() + QLatin1Char('/') + arch}};
}

// The server's /version object, or the reason it could not be read.
kube::Result<QJsonObject> serverVersion(const Options& a)
{
    kube::KubeConfigOptions k;
    k.kubeconfigPath = a.kubeconfig;
    k.context = a.context;
    kube::Result<std::shared_ptr<kube::Client>> c = kube::connect(k);
    if (!c)
        return kube::Result<QJsonObject>::failure(c.status);
    for (const QString& w : c.value->connection().warnings)
        QTextStream(stderr) << "warning: " << w << '\n';
    kube::Request req;
    req.path = QStringLiteral("/version");
    req.object = QStringLiteral("/version");
    req.timeoutMs = kVersionTimeoutMs;
    const kube::Response r = c.value->send(req).result();
    if (!r.status)
        return kube::Result<QJsonObject>::failure(r.status);
    const QJsonObject v = r.json();
    if (!v.value(QStringLiteral("gitVersion")).isString())
        return kube::Result<QJsonObject>::failure(kube::Status::error(
            kube::Status::Kind::Invalid, QStringLiteral("the server's /version has no gitVersion"),
            req.object));
    return kube::Result<QJsonObject>::success(v);
}

} // namespace

int runVersion(const Options& a)
{
    if (!a.positional.isEmpty()) {
        printError(cli::Cli::tr("version takes no arguments (see `veladesk version --help`)"));
        return exitUsage;
    }
    const QJsonObject client = clientVersion();
    kube::Result<QJsonObject> server = kube::Result<QJsonObject>::failure(kube::Status{});
    if (!a.clientOnly)
        server = serverVersion(a);
    const QString reason = server ? QString() : server.status.toString();
    if (a.output.isEmpty()) {
        QString out = QStringLiteral("Client Version: %1\n")
                          .arg(client.value(QStringLiteral("gitVersion")).toString());
        if (!a.clientOnly)
            out += server ? QStringLiteral("Server Version: %1\n")
                                .arg(server.value.value(QStringLiteral("gitVersion")).toString())
                          : QStringLiteral("Server Version: unreachable: %1\n").arg(reason);
        printOut(out);
        return exitOk;
    }
    QJsonObject doc{{QStringLiteral("clientVersion"), client}};
    if (server)
        doc.insert(QStringLiteral("serverVersion"), server.value);
    else if (!a.clientOnly) // the document stays valid JSON/YAML; the reason goes to stderr
        QTextStream(stderr) << "Server Version: unreachable: " << reason << '\n';
    if (a.output == QLatin1String("json"))
        printOut(QString::fromUtf8(QJsonDocument(doc).toJson(QJsonDocument::Indented)));
    else
        printOut(QString::fromUtf8(kube::toYaml(QList<QJsonObject>{doc})));
    return exitOk;
}

} // namespace veladesk::cli
