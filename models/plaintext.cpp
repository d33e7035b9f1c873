#include "models/plaintext.h"

#include <QTextDocument>

namespace veladesk {

QString plainToolTip(const QString& text)
{
    if (text.isEmpty())
        return {};
    // "<qt>" makes it rich text whatever the escaped text starts with; convertFromPlainText
    // escapes <, > and & and turns line breaks into <br>.
    return QStringLiteral("<qt>") + Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal) +
           QStringLiteral("</qt>");
}

} // namespace veladesk
