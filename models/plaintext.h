#pragma once
// Server-supplied text (event, pod and status messages, phases, versions, condition messages,
// Lease holders, names) is never markup (issue 9). Qt shows an item tooltip, a widget tooltip
// and a QLabel in Qt::AutoText as rich text when Qt::mightBeRichText() says so, which it does
// for any first line with a tag in it: an Event message "<h1 style='color:red'>..." became a red
// headline. Models return such tooltips through plainToolTip(); widgets set Qt::PlainText on
// every label that can show server text and pass its tooltips through plainToolTip() too.

#include <QString>

namespace veladesk {

// `text` as a tooltip that shows it literally: escaped rich text (Qt::convertFromPlainText, so
// the tooltip still wraps long lines and keeps line breaks); "" stays "" (no tooltip).
QString plainToolTip(const QString& text);

} // namespace veladesk
