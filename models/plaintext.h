#pragma once
// Server-supplied text (event and status messages, names, reasons) is plain text everywhere.
// Qt decides per string whether a tooltip is rich text (Qt::mightBeRichText), so a message
// such as "<h1>x</h1>" would render as markup: a tooltip built from such text goes through
// plainTextToolTip(), which escapes it and marks the result as rich text, so that every
// character shows as written. Labels showing such text use setTextFormat(Qt::PlainText).

#include <QString>
#include <QTextDocument>

namespace veladesk {

inline QString plainTextToolTip(const QString& text)
{
    return Qt::convertFromPlainText(text, Qt::WhiteSpacePre);
}

} // namespace veladesk
