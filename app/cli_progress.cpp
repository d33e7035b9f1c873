#include "app/cli_progress.h"

#include <cstdio>
#include <sys/ioctl.h>
#include <unistd.h>

namespace veladesk::cli {

namespace {

const char kGreen[] = "\033[32m";
const char kYellow[] = "\033[33m";
const char kRed[] = "\033[31m";
const char kReset[] = "\033[0m";
const char kClearLine[] = "\r\033[K";

int terminalColumns()
{
    winsize w{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &w) == 0 && w.ws_col > 10)
        return w.ws_col;
    return 80;
}

QString elapsedText(std::chrono::steady_clock::duration d)
{
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
    if (ms < 60'000)
        return QStringLiteral("%1s").arg(double(ms) / 1000.0, 0, 'f', 1);
    return QStringLiteral("%1m%2s").arg(ms / 60'000).arg((ms / 1000) % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

StepPrinter::StepPrinter(int total, bool live, bool color)
    : m_total(total), m_live(live), m_color(color && live)
{
    if (m_live)
        m_ticker = std::thread([this] { tick(); });
}

StepPrinter::~StepPrinter()
{
    stop();
}

void StepPrinter::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        if (m_active)
            write(QStringLiteral("\n"));
        m_active = false;
    }
    m_wake.notify_all();
    if (m_ticker.joinable())
        m_ticker.join();
}

void StepPrinter::write(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void StepPrinter::drawLocked()
{
    const QString elapsed =
        QStringLiteral(" (%1)").arg(elapsedText(std::chrono::steady_clock::now() - m_stepStarted));
    QString line = m_head + QStringLiteral(": ") + m_detail;
    // One row only: a wrapped line cannot be rewritten with \r.
    const int room = terminalColumns() - 1 - int(elapsed.size());
    if (line.size() > room)
        line = line.left(std::max(room - 1, 0)) + QChar(0x2026);
    write(QLatin1String(kClearLine) + line + elapsed);
    m_active = true;
}

void StepPrinter::tick()
{
    std::unique_lock lock(m_mutex);
    while (!m_stop) {
        m_wake.wait_for(lock, std::chrono::milliseconds(1000));
        if (!m_stop && m_active)
            drawLocked();
    }
}

void StepPrinter::started(int index, const QString& name, const QString& description)
{
    std::lock_guard lock(m_mutex);
    m_head = QStringLiteral("[%1/%2] %3").arg(index).arg(m_total).arg(name);
    if (!m_live) {
        write(m_head + QStringLiteral(": ") + description + QLatin1Char('\n'));
        return;
    }
    m_detail = description;
    m_stepStarted = std::chrono::steady_clock::now();
    drawLocked();
}

void StepPrinter::progress(const QString& message)
{
    std::lock_guard lock(m_mutex);
    if (!m_live) {
        write(QStringLiteral("        %1\n").arg(message));
        return;
    }
    m_detail = message;
    drawLocked();
}

void StepPrinter::finished(int index, const QString& name, const QString& state, Outcome outcome,
                           const QString& message)
{
    std::lock_guard lock(m_mutex);
    const QString head = QStringLiteral("[%1/%2] %3").arg(index).arg(m_total).arg(name);
    const QString tail = message.isEmpty() ? QString() : QStringLiteral(" - ") + message;
    if (!m_live) {
        write(head + QStringLiteral(": ") + state + tail + QLatin1Char('\n'));
        return;
    }
    QString shownState = state;
    if (m_color) {
        const char* colour = outcome == Outcome::Ok        ? kGreen
                             : outcome == Outcome::Skipped ? kYellow
                                                           : kRed;
        shownState = QLatin1String(colour) + state + QLatin1String(kReset);
    }
    const QString elapsed = m_active && head == m_head
                                ? QStringLiteral(" (%1)").arg(
                                      elapsedText(std::chrono::steady_clock::now() - m_stepStarted))
                                : QString();
    write(QLatin1String(kClearLine) + head + QStringLiteral(": ") + shownState + tail + elapsed +
          QLatin1Char('\n'));
    m_active = false;
}

} // namespace veladesk::cli
