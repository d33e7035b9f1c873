#pragma once
// The user's language: VelaDesk's own translation (resources/translations/, embedded under
// :/i18n) and Qt's (qtbase_*.qm from Qt's translations folder, when installed), chosen by the
// locale (LANG, LC_ALL, LC_MESSAGES, LANGUAGE: QLocale::system()).

#include <QLocale>
#include <QStringList>

class QCoreApplication;

namespace veladesk {

// Installs the translators of `locale` on the application; English (the sources) when there is
// none. Returns the .qm files loaded (":/i18n/veladesk_zh_CN.qm", ".../qtbase_zh_CN.qm").
// Call once, after the application object exists and before any window is made.
QStringList installTranslators(QCoreApplication* app, const QLocale& locale = QLocale::system());

} // namespace veladesk
