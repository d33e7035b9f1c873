#pragma once
// Messages of kube/ in the user's language, and in English for what goes into a cluster object.
//
// Prose for the person at the screen is translated (zh_CN: resources/translations/); identifiers
// are not: step names, kinds, field paths, reasons, phases, machine-read output. What is written
// into a cluster object (the AppDeployment's Ready condition, history annotations) stays English:
// a cluster is shared by users of every language. Hence two helpers, both read by lupdate (the
// `-tr-function-alias translate+=ktr,translate+=tx` of ui/CMakeLists.txt):
//   ktr("kube::rollout", "%1: applied").arg(x)       display only: a translated QString
//   tx("kube", "cannot reach %1").arg(url)           a Status message: both languages (Text)
// Contexts: "kube" (kube/*.cpp) and "kube::rollout" (kube/rollout/*.cpp).

#include <QCoreApplication>
#include <QString>
#include <utility>

namespace kube {

// Translated into the application's language (the source, English, when none is installed).
inline QString ktr(const char* context, const char* source)
{
    return QCoreApplication::translate(context, source);
}

// One message in two languages: `shown` for the person at the screen, `english` for a cluster
// object. arg() fills both; an argument that is itself a Text fills each with its own language.
struct Text
{
    QString shown;
    QString english;

    template <typename... A> Text arg(const A&... a) const
    {
        return {shown.arg(pick<true>(a)...), english.arg(pick<false>(a)...)};
    }
    Text& operator+=(const Text& t)
    {
        shown += t.shown;
        english += t.english;
        return *this;
    }

private:
    template <bool Shown, typename T> static decltype(auto) pick(const T& v)
    {
        if constexpr (std::is_same_v<T, Text>)
            return Shown ? v.shown : v.english;
        else
            return (v);
    }
};

inline Text operator+(Text a, const Text& b)
{
    a += b;
    return a;
}

inline Text tx(const char* context, const char* source)
{
    return {QCoreApplication::translate(context, source), QString::fromUtf8(source)};
}

// Not translated (a name, a server's message): the same in both languages.
inline Text untranslated(QString s)
{
    return {s, std::move(s)};
}

} // namespace kube
