#pragma once
// Colours unified-diff lines (+ added, - removed, @@ hunks) with tints readable on light and
// dark palettes.

#include <QSyntaxHighlighter>

namespace veladesk {

class DiffHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;

protected:
    void highlightBlock(const QString& text) override;
};

} // namespace veladesk
