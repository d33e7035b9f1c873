#pragma once
// Helpers of the GUI tests: those of scenario.h, and screenshots.

#include "scenario.h"

#include <QDir>
#include <QPixmap>
#include <QTest>
#include <QWidget>

namespace guitest {

// Saves a screenshot of `widget` when VELADESK_SCREENSHOT_DIR is set.
inline void screenshot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("VELADESK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QTest::qWait(50); // let pending layouts and paints settle
    const QString path = dir + QLatin1Char('/') + name + QStringLiteral(".png");
    if (!widget->grab().save(path))
        qWarning("could not save %s", qPrintable(path));
}

} // namespace guitest
