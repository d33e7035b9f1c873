// `veladesk version` (client and server versions, as kubectl version) and the dispatch of the
// commands that parse their own flags: version, completion, __complete.

#include "app/cli.h"
#include "app/cli_help.h"
#include "app/completion.h"

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
kube::Result<QJsonObject> serverVersion(const ParsedArgs& a)
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

int runVersion(const ParsedArgs& a)
{
    if (!a.positional.isEmpty()) {
        printError(QStringLiteral("version takes no arguments (see `veladesk version --help`)"));
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

} // namespace

ParsedArgs parseSimpleArgs(const QString& command, const QStringList& words)
{
    ParsedArgs a;
    a.command = command;
    const bool version = command == QLatin1String("version");
    for (qsizetype i = 0; i < words.size(); ++i) {
        QString arg = words.at(i);
        QString value;
        bool inlineValue = false;
        if (arg.startsWith(QLatin1String("--")) && arg.contains(QLatin1Char('='))) {
            value = arg.section(QLatin1Char('='), 1);
            arg = arg.section(QLatin1Char('='), 0, 0);
            inlineValue = true;
        }
        auto take = [&](QString* out) {
            if (inlineValue) {
                *out = value;
                return true;
            }
            if (i + 1 >= words.size()) {
                a.error = QStringLiteral("flag %1 needs a value").arg(arg);
                return false;
            }
            *out = words.at(++i);
            return true;
        };
        if (arg == QLatin1String("-h") || arg == QLatin1String("--help")) {
            a.help = true;
        } else if (arg == QLatin1String("--kubeconfig")) {
            take(&a.kubeconfig);
        } else if (arg == QLatin1String("--context")) {
            take(&a.context);
        } else if (arg == QLatin1String("-n") || arg == QLatin1String("--namespace")) {
            take(&a.namespaceName);
        } else if (version && (arg == QLatin1String("-o") || arg == QLatin1String("--output"))) {
            if (take(&a.output) && a.output != QLatin1String("yaml") &&
                a.output != QLatin1String("json"))
                a.error = QStringLiteral("--output must be yaml or json, not \"%1\"").arg(a.output);
        } else if (version && arg == QLatin1String("--client")) {
            a.clientOnly = true;
        } else if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1) {
            a.unknownFlag = words.at(i);
        } else {
            a.positional << arg;
        }
        if (!a.error.isEmpty() || !a.unknownFlag.isEmpty())
            break;
    }
    return a;
}

int runConventionsCommand(const QStringList& args, qsizetype commandAt)
{
    const QString command = args.at(commandAt);
    const bool complete = command == QLatin1String("__complete");
    if (command != QLatin1String("version") && command != QLatin1String("completion") && !complete)
        return -1;
    // Flags may come before the command word (connection flags); __complete's words after it
    // are the command line being completed, not flags of its own.
    const QStringList before = args.mid(1, commandAt - 1);
    const QStringList after = args.mid(commandAt + 1);
    if (complete) {
        ParsedArgs a = parseSimpleArgs(command, before);
        a.positional = after;
        return runComplete(a);
    }
    const ParsedArgs a = parseSimpleArgs(command, before + after);
    if (!a.unknownFlag.isEmpty())
        return unknownFlag(command, a.unknownFlag);
    if (a.help)
        return runHelp(command);
    if (!a.error.isEmpty()) {
        printError(a.error + QStringLiteral(" (see `veladesk %1 --help`)").arg(command));
        return exitUsage;
    }
    if (command == QLatin1String("version"))
        return runVersion(a);
    return runCompletion(a);
}

} // namespace veladesk::cli
