#pragma once
// Lists of string literals for tests built with QT_NO_CAST_FROM_ASCII.

#include <QMap>
#include <QString>
#include <QStringList>
#include <initializer_list>
#include <utility>

inline QStringList L(std::initializer_list<const char*> l)
{
    QStringList out;
    for (const char* s : l)
        out << QString::fromUtf8(s);
    return out;
}

inline QMap<QString, int> W(std::initializer_list<std::pair<const char*, int>> l)
{
    QMap<QString, int> out;
    for (const auto& [k, v] : l)
        out.insert(QString::fromUtf8(k), v);
    return out;
}
