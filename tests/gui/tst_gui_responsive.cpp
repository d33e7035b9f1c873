// The GUI thread never waits for the network: against an "API server" that accepts TCP
// connections and never answers, the real main window stays in Connecting while its event
// loop keeps running (heartbeat gaps stay small), the window can be used (switch to another
// context) and closed at once. A synchronous wait on a Client future anywhere in the window
// would freeze the heartbeat for the request timeout (60 s).

#include "models/clustersession.h"
#include "ui/mainwindow.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace veladesk;

namespace {
// A listening socket on 127.0.0.1 that never accepts: the kernel completes TCP handshakes
// into the backlog and nobody ever reads or answers.
struct SilentServer
{
    int fd = -1;
    int port = 0;
    SilentServer()
    {
        fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
            ::listen(fd, 16) != 0)
            return;
        socklen_t len = sizeof addr;
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
        port = ntohs(addr.sin_port);
    }
    ~SilentServer()
    {
        if (fd >= 0)
            ::close(fd);
    }
};
} // namespace

class TestGuiResponsive : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void silentServerDoesNotFreezeTheWindow()
    {
        SilentServer silent;
        QVERIFY(silent.port > 0);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kubeconfig"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("apiVersion: v1\nkind: Config\ncurrent-context: silent\n"
                               "clusters:\n"
                               "- name: silent\n  cluster:\n    server: https://127.0.0.1:%1\n"
                               "    insecure-skip-tls-verify: true\n"
                               "- name: closed\n  cluster:\n    server: https://127.0.0.1:1\n"
                               "users:\n- name: u\n  user:\n    token: abc\n"
                               "contexts:\n"
                               "- name: silent\n  context:\n    cluster: silent\n    user: u\n"
                               "- name: closed\n  context:\n    cluster: closed\n    user: u\n")
                    .arg(silent.port)
                    .toUtf8());
        f.close();

        kube::KubeConfigOptions options;
        options.kubeconfigPath = path;
        options.context = QStringLiteral("silent");

        // Heartbeats every 5 ms from before the window is created until 2 s after: window
        // creation, connecting and the hanging discovery request all happen in this span.
        QElapsedTimer clock;
        clock.start();
        qint64 last = clock.elapsed(), worst = 0;
        int beats = 0;
        QTimer heartbeat;
        heartbeat.setTimerType(Qt::PreciseTimer);
        heartbeat.setInterval(5);
        connect(&heartbeat, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            worst = std::max(worst, now - last);
            last = now;
            ++beats;
        });
        heartbeat.start();
        std::unique_ptr<MainWindow> window;
        QEventLoop loop;
        QTimer::singleShot(50, &loop, [&] {
            window = std::make_unique<MainWindow>(options);
            window->resize(1280, 800);
            window->show();
        });
        QTimer::singleShot(2050, &loop, &QEventLoop::quit);
        loop.exec();
        heartbeat.stop();
        QVERIFY(window);
        QCOMPARE(window->session()->state(), ClusterSession::State::Connecting); // still hanging
        qInfo("longest event-loop gap while the request hung: %lld ms (%d heartbeats)", worst,
              beats);
        // generous for a loaded CI machine; a synchronous wait would be the request timeout
        QVERIFY2(worst < 1000, qPrintable(QStringLiteral("longest gap %1 ms").arg(worst)));
        QVERIFY2(beats > 100, qPrintable(QStringLiteral("%1 heartbeats").arg(beats)));

        // the window still works: switch to the other context, which fails fast
        QComboBox* contexts = window->contextPicker();
        contexts->setCurrentIndex(contexts->findText(QStringLiteral("closed")));
        Q_EMIT contexts->activated(contexts->currentIndex());
        QTRY_COMPARE_WITH_TIMEOUT(window->session()->state(), ClusterSession::State::Failed, 20000);
        QCOMPARE(window->session()->currentContext(), QStringLiteral("closed"));

        // and back to the silent one, then close while the request hangs
        contexts->setCurrentIndex(contexts->findText(QStringLiteral("silent")));
        Q_EMIT contexts->activated(contexts->currentIndex());
        QCOMPARE(window->session()->state(), ClusterSession::State::Connecting);
        QElapsedTimer closing;
        closing.start();
        window->close();
        window.reset();
        QVERIFY2(closing.elapsed() < 3000,
                 qPrintable(QStringLiteral("closing took %1 ms").arg(closing.elapsed())));
    }
};

QTEST_MAIN(TestGuiResponsive)
#include "tst_gui_responsive.moc"
