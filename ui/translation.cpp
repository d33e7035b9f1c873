#include "ui/translation.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace veladesk {

QStringList installTranslators(QCoreApplication* app, const QLocale& locale)
{
    QStringList loaded;
    // Qt's, then VelaDesk's: the translator installed last is asked first.
    const struct
    {
        const char* name;
        QString dir;
    } files[] = {{"qtbase", QLibraryInfo::path(QLibraryInfo::TranslationsPath)},
                 {"veladesk", QStringLiteral(":/i18n")}};
    for (const auto& f : files) {
        auto* translator = new QTranslator(app);
        // tries every language of locale.uiLanguages() (LANGUAGE's list first), most specific
        // name first: veladesk_zh_CN.qm, veladesk_zh.qm
        if (translator->load(locale, QString::fromLatin1(f.name), QStringLiteral("_"), f.dir) &&
            QCoreApplication::installTranslator(translator))
            loaded << translator->filePath();
        else
            delete translator;
    }
    return loaded;
}

} // namespace veladesk
