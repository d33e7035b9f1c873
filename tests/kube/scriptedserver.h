#pragma once
// A tiny HTTP/1.1 server on 127.0.0.1 that answers from a script, for testing the client's
// transport behaviour that a healthy API server will not show on demand (5xx, 429 with
// Retry-After, hanging requests, streams cut at odd places). It is not a Kubernetes mock:
// it knows nothing of the API, it only replays the answers a test queues.

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace kubetest {

class ScriptedServer
{
public:
    struct Answer
    {
        int code = 200;
        QList<QPair<QByteArray, QByteArray>> headers;
        QList<QByteArray> chunks; // sent one by one (chunked encoding) with pauseMs between
        int pauseMs = 0;
        bool hang = false;       // never answer (until the server stops)
        bool holdOpen = false;   // chunked: after the chunks, keep the stream open until stop
        bool closeAfter = false; // close the connection after this answer (mid-stream cut)
        bool chunked = false;
    };
    struct Seen
    {
        QByteArray method, target, headers, body;
    };

    ScriptedServer()
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
        int one = 1;
        ::setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = 0;
        ::bind(m_listen, reinterpret_cast<sockaddr*>(&a), sizeof a);
        ::listen(m_listen, 64);
        socklen_t len = sizeof a;
        ::getsockname(m_listen, reinterpret_cast<sockaddr*>(&a), &len);
        m_port = ntohs(a.sin_port);
        m_acceptor = std::thread([this] { acceptLoop(); });
    }

    ~ScriptedServer()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_cv.notify_all();
        ::shutdown(m_listen, SHUT_RDWR);
        ::close(m_listen);
        m_acceptor.join();
        std::vector<int> connections;
        std::vector<std::thread> workers;
        {
            std::lock_guard lock(m_mutex);
            connections = m_connections;
            workers = std::move(m_workers);
        }
        for (int fd : connections)
            ::shutdown(fd, SHUT_RDWR);
        for (std::thread& t : workers)
            t.join();
        // Closed only now: a number closed earlier could have been reused by the client.
        for (int fd : connections)
            ::close(fd);
    }

    int port() const { return m_port; }
    QByteArray url() const { return "http://127.0.0.1:" + QByteArray::number(m_port); }

    void queue(Answer a)
    {
        std::lock_guard lock(m_mutex);
        m_script.push_back(std::move(a));
    }
    static Answer json(int code, const QByteArray& body,
                       QList<QPair<QByteArray, QByteArray>> headers = {})
    {
        Answer a;
        a.code = code;
        a.headers = std::move(headers);
        a.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        a.chunks = {body};
        return a;
    }

    // Answers given in turn, over and over, once the queue is empty (a server that always
    // says the same thing); without them an empty queue answers 500 "script exhausted".
    void cycle(QList<Answer> answers)
    {
        std::lock_guard lock(m_mutex);
        m_cycle = std::move(answers);
        m_cycleNext = 0;
    }

    QList<Seen> seen() const
    {
        std::lock_guard lock(m_mutex);
        return m_seen;
    }
    QList<std::chrono::steady_clock::time_point> times() const
    {
        std::lock_guard lock(m_mutex);
        return m_times;
    }

private:
    void acceptLoop()
    {
        while (!m_stopping) {
            const int fd = ::accept(m_listen, nullptr, nullptr);
            if (fd < 0)
                return;
            std::lock_guard lock(m_mutex);
            m_connections.push_back(fd);
            m_workers.emplace_back([this, fd] { serve(fd); });
        }
    }

    bool readRequest(int fd, QByteArray& buffer, Seen& out)
    {
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end >= 0) {
                const QByteArray head = buffer.left(end);
                qsizetype length = 0;
                for (const QByteArray& line : head.split('\n'))
                    if (line.toLower().startsWith("content-length:"))
                        length = line.mid(15).trimmed().toLongLong();
                while (buffer.size() < end + 4 + length) {
                    char tmp[4096];
                    const ssize_t n = ::recv(fd, tmp, sizeof tmp, 0);
                    if (n <= 0)
                        return false;
                    buffer.append(tmp, n);
                }
                const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
                out.method = requestLine.value(0);
                out.target = requestLine.value(1);
                out.headers = head;
                out.body = buffer.mid(end + 4, length);
                buffer.remove(0, end + 4 + length);
                return true;
            }
            char tmp[4096];
            const ssize_t n = ::recv(fd, tmp, sizeof tmp, 0);
            if (n <= 0)
                return false;
            buffer.append(tmp, n);
        }
    }

    static void sendAll(int fd, const QByteArray& data)
    {
        qsizetype off = 0;
        while (off < data.size()) {
            const ssize_t n =
                ::send(fd, data.constData() + off, size_t(data.size() - off), MSG_NOSIGNAL);
            if (n <= 0)
                return;
            off += n;
        }
    }

    void serve(int fd)
    {
        QByteArray buffer;
        for (;;) {
            Seen req;
            if (!readRequest(fd, buffer, req))
                break;
            Answer a;
            {
                std::lock_guard lock(m_mutex);
                m_seen.append(req);
                m_times.append(std::chrono::steady_clock::now());
                if (m_script.empty() && !m_cycle.isEmpty()) {
                    a = m_cycle.at(m_cycleNext++ % m_cycle.size());
                } else if (m_script.empty()) {
                    a = json(500, "{\"kind\":\"Status\",\"message\":\"script exhausted\"}");
                } else {
                    a = m_script.front();
                    m_script.pop_front();
                }
            }
            if (a.hang) {
                std::unique_lock lock(m_mutex);
                m_cv.wait(lock, [this] { return m_stopping.load(); });
                break;
            }
            QByteArray head = "HTTP/1.1 " + QByteArray::number(a.code) + " X\r\n";
            for (const auto& [k, v] : a.headers)
                head += k + ": " + v + "\r\n";
            if (a.chunked) {
                head += "Transfer-Encoding: chunked\r\n\r\n";
                sendAll(fd, head);
                for (const QByteArray& c : a.chunks) {
                    sendAll(fd, QByteArray::number(c.size(), 16) + "\r\n" + c + "\r\n");
                    if (a.pauseMs)
                        std::this_thread::sleep_for(std::chrono::milliseconds(a.pauseMs));
                }
                if (a.closeAfter)
                    break; // cut without the terminating chunk
                if (a.holdOpen) {
                    std::unique_lock lock(m_mutex);
                    m_cv.wait(lock, [this] { return m_stopping.load(); });
                    break;
                }
                sendAll(fd, "0\r\n\r\n");
            } else {
                const QByteArray body = a.chunks.isEmpty() ? QByteArray() : a.chunks.join();
                head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
                sendAll(fd, head + body);
            }
            if (a.closeAfter)
                break;
        }
        ::shutdown(fd, SHUT_RDWR);
    }

    int m_listen = -1;
    int m_port = 0;
    std::atomic<bool> m_stopping{false};
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<Answer> m_script;
    QList<Answer> m_cycle;
    qsizetype m_cycleNext = 0;
    QList<Seen> m_seen;
    QList<std::chrono::steady_clock::time_point> m_times;
    std::vector<int> m_connections;
    std::vector<std::thread> m_workers;
    std::thread m_acceptor;
};

// Bodies the scripted server answers with: a ConfigMap, a ConfigMapList, a watch event line.
inline QByteArray cm(const char* name, const char* uid, const char* rv)
{
    return QStringLiteral("{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":"
                          "\"%1\",\"namespace\":\"default\",\"uid\":\"%2\",\"resourceVersion\":"
                          "\"%3\"}}")
        .arg(QString::fromUtf8(name), QString::fromUtf8(uid), QString::fromUtf8(rv))
        .toUtf8();
}

inline QByteArray list(const char* rv, const QList<QByteArray>& items)
{
    return "{\"kind\":\"ConfigMapList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":"
           "\"" +
           QByteArray(rv) + "\"},\"items\":[" + items.join(',') + "]}";
}

inline QByteArray watchLine(const char* type, const QByteArray& object)
{
    return "{\"type\":\"" + QByteArray(type) + "\",\"object\":" + object + "}\n";
}

inline QString nameOf(const QJsonObject& o)
{
    return o.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString();
}

} // namespace kubetest
