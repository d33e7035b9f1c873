#pragma once
// The steps of `veladesk apply` (reapply, revert) as the user sees them. On a terminal: one
// live line per step, rewritten in place (\r) with the step's name, its latest message and the
// elapsed time, ticking each second while the step waits; ended with the step's outcome
// (coloured unless NO_COLOR or --no-color). Not on a terminal (piped, a file, CI): one plain
// line per event, as before, no control characters.

#include <QString>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace veladesk::cli {

class StepPrinter
{
public:
    enum class Outcome
    {
        Ok,
        Skipped,
        Failed
    };

    // live: rewrite one line per step (a terminal); color: ANSI colours on the outcome.
    StepPrinter(int total, bool live, bool color);
    ~StepPrinter();
    StepPrinter(const StepPrinter&) = delete;
    StepPrinter& operator=(const StepPrinter&) = delete;

    void started(int index, const QString& name, const QString& description);
    void progress(const QString& message);
    void finished(int index, const QString& name, const QString& state, Outcome outcome,
                  const QString& message);
    // Ends a live line still open and stops the ticking (also done by the destructor).
    void stop();

private:
    void drawLocked(); // the live line, from the start of the row
    void write(const QString& text);
    void tick();

    const int m_total;
    const bool m_live;
    const bool m_color;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    bool m_active = false; // a live line is on screen without its newline
    QString m_head;        // "[3/13] deployments"
    QString m_detail;
    std::chrono::steady_clock::time_point m_stepStarted;
    std::thread m_ticker;
};

} // namespace veladesk::cli
