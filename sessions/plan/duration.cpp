#include "sessions/plan/plan.h"

#include <cmath>
#include <limits>

// Durations as people write them in a plan: "10 min", "1h30m", "1 h 30 min",
// "90s", "45" (minutes), "1:30" (h:mm), "1:30:00" (h:mm:ss).

namespace devzero::plan {

namespace {

// Seconds per unit, or 0 for a word that is not a unit.
int unitSeconds(QStringView unit)
{
    static const struct {
        const char16_t *name;
        int seconds;
    } units[] = {
        {u"h", 3600}, {u"hr", 3600}, {u"hrs", 3600}, {u"hour", 3600}, {u"hours", 3600},
        {u"m", 60}, {u"min", 60}, {u"mins", 60}, {u"minute", 60}, {u"minutes", 60},
        {u"s", 1}, {u"sec", 1}, {u"secs", 1}, {u"second", 1}, {u"seconds", 1},
    };
    for (const auto &u : units) {
        if (unit == QStringView(u.name))
            return u.seconds;
    }
    return 0;
}

std::optional<int> toSeconds(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0 || seconds > double(std::numeric_limits<int>::max()))
        return std::nullopt;
    return int(std::lround(seconds));
}

// "1:30" and "1:30:00": minutes and seconds are two digits below 60.
std::optional<int> parseClock(QStringView s)
{
    const QList<QStringView> parts = s.split(QLatin1Char(':'));
    if (parts.size() < 2 || parts.size() > 3)
        return std::nullopt;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QStringView p = parts[i];
        const bool digitsOnly = !p.isEmpty() && std::all_of(p.begin(), p.end(), [](QChar c) {
            return c >= QLatin1Char('0') && c <= QLatin1Char('9');
        });
        if (!digitsOnly || (i > 0 && p.size() != 2) || (i == 0 && p.size() > 4))
            return std::nullopt;
    }
    const int hours = parts[0].toInt();
    const int minutes = parts[1].toInt();
    const int seconds = parts.size() == 3 ? parts[2].toInt() : 0;
    if (minutes > 59 || seconds > 59)
        return std::nullopt;
    return hours * 3600 + minutes * 60 + seconds;
}

class Scanner
{
public:
    explicit Scanner(QStringView text) : m_text(text) {}

    bool atEnd() const { return m_pos >= m_text.size(); }

    void skipSeparators()
    {
        for (;;) {
            while (!atEnd() && (m_text[m_pos].isSpace() || m_text[m_pos] == QLatin1Char(',')))
                ++m_pos;
            if (m_text.sliced(m_pos).startsWith(u"and ")) {
                m_pos += 4;
                continue;
            }
            return;
        }
    }

    // A number: digits with an optional decimal part ("1.5").
    std::optional<double> number()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && m_text[m_pos].isDigit())
            ++m_pos;
        if (m_pos == start)
            return std::nullopt;
        if (!atEnd() && m_text[m_pos] == QLatin1Char('.')) {
            ++m_pos;
            const qsizetype fraction = m_pos;
            while (!atEnd() && m_text[m_pos].isDigit())
                ++m_pos;
            if (m_pos == fraction)
                return std::nullopt;
        }
        bool ok = false;
        const double value = m_text.sliced(start, m_pos - start).toString().toDouble(&ok);
        return ok ? std::optional<double>(value) : std::nullopt;
    }

    QStringView word()
    {
        while (!atEnd() && m_text[m_pos].isSpace())
            ++m_pos;
        const qsizetype start = m_pos;
        while (!atEnd() && m_text[m_pos].isLetter())
            ++m_pos;
        return m_text.sliced(start, m_pos - start);
    }

private:
    QStringView m_text;
    qsizetype m_pos = 0;
};

} // namespace

std::optional<int> parseDuration(const QString &text)
{
    const QString s = text.trimmed().toLower();
    if (s.isEmpty())
        return std::nullopt;
    if (s.contains(QLatin1Char(':')))
        return parseClock(s);

    Scanner scan(s);
    double total = 0;
    int previousUnit = 0; // units must come largest first: "1h30m", not "30m1h"
    bool first = true;
    while (true) {
        scan.skipSeparators();
        if (scan.atEnd())
            break;
        const std::optional<double> value = scan.number();
        if (!value)
            return std::nullopt;
        const QStringView unitWord = scan.word();
        int unit = unitSeconds(unitWord);
        if (unitWord.isEmpty()) {
            scan.skipSeparators();
            if (!scan.atEnd())
                return std::nullopt;
            // A bare number means minutes; after a unit it means the next one
            // down ("1h30" is 1h30m, "2m30" is 2m30s).
            unit = first ? 60 : (previousUnit == 3600 ? 60 : (previousUnit == 60 ? 1 : 0));
        }
        if (unit == 0 || (!first && unit >= previousUnit))
            return std::nullopt;
        total += *value * unit;
        previousUnit = unit;
        first = false;
    }
    if (first)
        return std::nullopt;
    return toSeconds(total);
}

} // namespace devzero::plan
