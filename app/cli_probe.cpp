// `veladesk probe NAME --url URL`: the split users observe through a gateway, against the
// configured weights of AppDeployment NAME (issue 12). The engine is kube/rollout/probe.h.

#include "app/cli.h"
#include "app/cli_help.h"

#include "kube/client.h"
#include "kube/rollout/probe.h"
#include "kube/rollout/render.h"
#include "kube/rollout/routing.h"
#include "kube/yamljson.h"

#include <QJsonDocument>
#include <QTextStream>
#include <QUrl>
#include <unistd.h>

namespace veladesk::cli {

namespace {

using namespace kube::rollout;

QString percent(double share)
{
    return QString::number(share * 100.0, 'f', 1) + QStringLiteral(" %");
}

QString table(const ProbeResult& r)
{
    QString out =
        QStringLiteral("%1%2%3%4%5\n")
            .arg(QStringLiteral("REVISION").leftJustified(28),
                 QStringLiteral("CONFIGURED").leftJustified(12),
                 QStringLiteral("OBSERVED").leftJustified(10),
                 QStringLiteral("95 % INTERVAL").leftJustified(19), QStringLiteral("RESPONSES"));
    for (const RevisionShare& s : r.revisions) {
        const QString interval =
            r.attributed > 0
                ? QStringLiteral("%1 - %2").arg(percent(s.interval.low), percent(s.interval.high))
                : QStringLiteral("-");
        out += QStringLiteral("%1%2%3%4%5%6\n")
                   .arg(s.revision.leftJustified(28),
                        (s.isConfigured ? percent(s.configured) : QStringLiteral("(none)"))
                            .leftJustified(12),
                        (r.attributed > 0 ? percent(s.observed) : QStringLiteral("-"))
                            .leftJustified(10),
                        interval.leftJustified(19), QString::number(s.responses),
                        s.outside ? QStringLiteral("   outside the interval") : QString());
    }
    return out;
}

} // namespace

int runProbe(const Options& o)
{
    if (o.positional.size() != 1 || !o.files.isEmpty()) {
        printError(cli::Cli::tr("usage: veladesk probe NAME --url URL [--requests N] [--host H] "
                                "[--concurrency C] [--timeout T] [--header NAME] "
                                "[--fingerprint REVISION=TEXT] [-o json|yaml|table]"));
        return exitUsage;
    }
    if (o.url.isEmpty()) {
        printError(cli::Cli::tr("probe: give the gateway's URL with --url, e.g. --url "
                                "http://127.0.0.1:18080/"));
        return exitUsage;
    }
    ProbeOptions po;
    po.url = o.url;
    po.requests = o.requests;
    po.concurrency = o.concurrency;
    if (o.timeoutGiven)
        po.requestTimeout = std::chrono::seconds(o.timeoutSeconds);
    po.fallbackHeader = o.header;
    for (const QString& f : o.fingerprints)
        po.fingerprints << BodyFingerprint{f.section(QLatin1Char('='), 0, 0),
                                           f.section(QLatin1Char('='), 1)};
    po.host = o.host; // empty: the route's first host, read below
    if (const kube::Status st = validateProbeOptions(po); !st.ok()) {
        printError(QStringLiteral("probe: ") + st.message);
        return exitUsage;
    }

    auto client = connectOrFail(o);
    if (!client)
        return exitFailure;
    const QString ns = o.namespaceName.isEmpty() ? client->defaultNamespace() : o.namespaceName;
    const QString name = o.positional.first();
    kube::Result<QJsonObject> ad =
        client->get(kube::ResourceType::appDeployments(), ns, name).result();
    if (!ad) {
        printError(ad.status.isNotFound()
                       ? cli::Cli::tr("AppDeployment %1/%2 not found: nothing to compare the "
                                      "split with")
                             .arg(ns, name)
                       : ad.status.toString());
        return exitFailure;
    }
    kube::Result<AppDeploymentPlan> plan = AppDeploymentPlan::fromJson(ad.value);
    if (!plan) {
        printError(QStringLiteral("AppDeployment %1/%2: %3").arg(ns, name, plan.status.message));
        return exitFailure;
    }
    const QUrl url(o.url);
    const ConfiguredSplit split = configuredSplit(plan.value, url.path());
    if (split.rule < 0) {
        printError(QStringLiteral("probe: ") + split.problem);
        return exitFailure;
    }
    po.host = o.host.isEmpty() ? split.host : o.host;
    if (po.host.isEmpty()) {
        printError(QStringLiteral("probe: ") + split.hostProblem);
        return exitUsage;
    }
    po.configured = split.weights;
    const QString phase = plan.value.status.phase;
    if (phase != QLatin1String("Completed"))
        QTextStream(stderr) << "warning: AppDeployment " << ns << '/' << name << " is in phase "
                            << (phase.isEmpty() ? QStringLiteral("(none)") : phase)
                            << ": the routing may not be the configured one yet\n";

    ProbeJob job(po);
    const bool tty = ::isatty(STDERR_FILENO) == 1;
    qint64 lastShown = -1000;
    QObject::connect(&job, &ProbeJob::progress, [&](const ProbeResult& p) {
        if (!tty || p.elapsedMs - lastShown < 1000)
            return;
        lastShown = p.elapsedMs;
        QTextStream(stderr) << "\r  " << p.completed << '/' << p.requested << " requests, "
                            << p.attributed << " attributed" << Qt::flush;
    });
    // Ctrl-C ends the probe early; what was observed so far is reported.
    const ProbeResult r = [&] {
        const CancelOnInterrupt interrupt(job);
        return job.run();
    }();
    if (tty && lastShown >= 0)
        QTextStream(stderr) << "\r\033[K" << Qt::flush;

    const QString rule = QStringLiteral("spec.traffic.http[%1]").arg(split.rule);
    if (!o.output.isEmpty()) {
        QJsonObject data = r.toJson();
        data.insert(QStringLiteral("appDeployment"), name);
        data.insert(QStringLiteral("namespace"), ns);
        data.insert(QStringLiteral("rule"), rule);
        data.insert(QStringLiteral("routing"), routingApiName(effectiveRouting(plan.value)));
        printOut(o.output == QLatin1String("json") ? QString::fromUtf8(QJsonDocument(data).toJson())
                                                   : QString::fromUtf8(kube::toYaml(data)));
    } else {
        printOut(QStringLiteral("Probe of AppDeployment %1/%2 (%3, %4): %5 requests to %6 with "
                                "Host %7, %8 at a time\n\n")
                     .arg(ns, name, routingKind(effectiveRouting(plan.value)), rule)
                     .arg(r.requested)
                     .arg(o.url, po.host)
                     .arg(po.concurrency) +
                 table(r) + QLatin1Char('\n') + r.summary() + QLatin1Char('\n'));
    }
    return r.ok() ? exitOk : exitFailure;
}

} // namespace veladesk::cli
